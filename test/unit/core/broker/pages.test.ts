/** The sign-in pages' chrome in en/sv/fi/pl, picked from Accept-Language; the core's words stay as written. */
import { describe, expect, it } from 'vitest';
import type { Page } from '../../../../electron/core/broker/broker-service';
import {
  PAGE_LANGUAGES,
  PAGE_TEXT,
  pickLanguage,
  type Lang,
} from '../../../../electron/core/broker/page-text';
import { renderPage } from '../../../../electron/core/broker/pages';

type Shown = Exclude<Page, { kind: 'redirect' }>;

const EXPIRES = Date.UTC(2030, 0, 2, 3, 4);

/** One page of every kind (both variants where the chrome differs). */
const PAGES: Shown[] = [
  {
    kind: 'start',
    applications: [
      {
        id: 'a1',
        key: 'payroll',
        name: 'Payroll',
        requireMfa: false,
        clientType: 'confidential',
        redirectUris: [],
        postLogoutRedirectUris: [],
        scopes: [],
        firstParty: true,
        secretCreatedAt: null,
      },
    ],
    error: 'Core error',
  },
  {
    kind: 'signed-in',
    email: 'ada@example.test',
    application: 'Payroll',
    expiresAt: EXPIRES,
    mfaChoice: { optedIn: true },
    notice: 'Core notice',
  },
  {
    kind: 'signed-in',
    email: 'ada@example.test',
    application: null,
    expiresAt: EXPIRES,
    mfaChoice: { optedIn: false },
  },
  { kind: 'password', flowId: 'f1', email: 'ada@example.test' },
  { kind: 'confirm-identity', flowId: 'f1', email: 'ada@example.test', knownEmail: 'ada@old.test' },
  {
    kind: 'mfa-enroll',
    flowId: 'f1',
    email: 'ada@example.test',
    qrDataUrl: 'data:image/png;base64,AAAA',
    secret: 'JBSWY3DPEHPK3PXP',
  },
  { kind: 'mfa-verify', flowId: 'f1', email: 'ada@example.test' },
  {
    kind: 'test-done',
    succeeded: true,
    idpName: 'Corp IdP',
    checks: [{ id: 'c1', title: 'Core check', status: 'pass', detail: null, fix: null }],
  },
  {
    kind: 'test-done',
    succeeded: false,
    idpName: 'Corp IdP',
    checks: [{ id: 'c1', title: 'Core check', status: 'fail', detail: 'Core detail', fix: null }],
  },
  { kind: 'error', title: 'Core title', message: 'Core message', fix: 'Core fix' },
  { kind: 'post-form', url: 'https://idp.example.test/sso', fields: { SAMLRequest: 'abc' } },
  { kind: 'start', applications: [], op: { uid: 'u1', appName: 'Wiki' } },
  { kind: 'consent', uid: 'u1', appName: 'Wiki', scopes: ['openid', 'email', 'offline_access'] },
  { kind: 'op-logout', action: '/op/session/end/confirm', xsrf: 'x', appName: 'Wiki' },
  {
    kind: 'signed-out',
    idpName: 'Okta',
    upstream: 'ended',
    resume: { action: '/op/session/end/confirm', xsrf: 'x', appName: null },
  },
];

const TITLES: Record<Lang, Record<string, string>> = {
  en: { start: 'Sign in', password: 'Enter your password', 'mfa-enroll': 'Set up two-step verification' },
  sv: { start: 'Logga in', password: 'Ange ditt lösenord', 'mfa-enroll': 'Konfigurera tvåstegsverifiering' },
  fi: {
    start: 'Kirjaudu sisään',
    password: 'Anna salasanasi',
    'mfa-enroll': 'Määritä kaksivaiheinen vahvistus',
  },
  pl: { start: 'Zaloguj się', password: 'Wpisz hasło', 'mfa-enroll': 'Skonfiguruj weryfikację dwuetapową' },
};

describe('pickLanguage', () => {
  it.each([
    ['sv-SE,sv;q=0.9,en;q=0.8', 'sv'],
    ['fi', 'fi'],
    ['pl-PL', 'pl'],
    ['en-US,en;q=0.9', 'en'],
    ['de,en;q=0.5', 'en'],
    ['de,fi;q=0.5', 'fi'],
    ['nb-NO', 'en'],
    ['no,da;q=0.9,nn;q=0.8', 'en'],
    ['fi;q=0.1,sv;q=0.9', 'sv'],
    ['SV-fi', 'sv'],
    ['sv;q=0.5,fi;q=0.5', 'sv'],
    ['sv;q=0,fi;q=0.2', 'fi'],
    ['sv;q=2,pl', 'pl'],
    ['sv;q=abc', 'en'],
    ['*', 'en'],
    ['fil,fr', 'en'],
    [' fi ; q=0.7 , en ; q=0.3', 'fi'],
    [',,;;==', 'en'],
    ['', 'en'],
    [undefined, 'en'],
  ] as const)('%j → %s', (header, lang) => {
    expect(pickLanguage(header)).toBe(lang);
  });

  it('reads only the first 256 characters, whole entries only', () => {
    const filler = 'de;q=0.1,'.repeat(40); // 360 characters
    expect(pickLanguage(`${filler}sv`)).toBe('en');
    expect(pickLanguage(`pl;q=0.2,${filler}sv`)).toBe('pl');
    // An entry cut at the limit is dropped, not read as a shorter tag ("fil" as "fi").
    const cut = `${'x'.repeat(250)},fil-PH`;
    expect(cut.slice(0, 256).endsWith(',fil-P')).toBe(true);
    expect(pickLanguage(cut)).toBe('en');
  });

  it('answers English for a 10 KB header without throwing', () => {
    expect(pickLanguage('a'.repeat(10 * 1024))).toBe('en');
    expect(pickLanguage(`${'de,'.repeat(3500)}sv`)).toBe('en');
    expect(pickLanguage(';q='.repeat(2600))).toBe('en');
  });
});

describe('page text', () => {
  it('has every key of English in every language, of the same kind', () => {
    const keys = Object.keys(PAGE_TEXT.en).sort();
    expect(Object.keys(PAGE_TEXT).sort()).toEqual([...PAGE_LANGUAGES].sort());
    for (const lang of PAGE_LANGUAGES) {
      const text = PAGE_TEXT[lang] as Record<string, unknown>;
      expect(Object.keys(text).sort(), lang).toEqual(keys);
      for (const key of keys) {
        const english = (PAGE_TEXT.en as Record<string, unknown>)[key];
        const value = text[key];
        expect(typeof value, `${lang}.${key}`).toBe(typeof english);
        if (typeof value === 'string') expect(value.trim(), `${lang}.${key}`).not.toBe('');
        if (typeof value === 'function' && typeof english === 'function') {
          expect(value.length, `${lang}.${key}`).toBe(english.length);
        }
      }
    }
  });
});

describe('renderPage', () => {
  it.each(PAGE_LANGUAGES)('renders %s with lang and the translated titles', (lang) => {
    for (const page of PAGES) {
      const html = renderPage(page, lang);
      expect(html.startsWith(`<!doctype html><html lang="${lang}">`)).toBe(true);
    }
    for (const [kind, title] of Object.entries(TITLES[lang])) {
      const html = renderPage(
        PAGES.find((page) => page.kind === kind)!,
        lang,
      );
      expect(html).toContain(`<h1>${title}</h1>`);
      expect(html).toContain(`<title>${title} · `);
    }
  });

  it('keeps English the default and its wording', () => {
    const signedIn = renderPage(PAGES[1]!);
    expect(signedIn).toContain('<html lang="en">');
    expect(signedIn).toContain('You are signed in as <strong>ada@example.test</strong> to Payroll.');
    expect(signedIn).toContain('This sign-in lasts until Wed, 02 Jan 2030 03:04:00 GMT.');
    expect(signedIn).toContain('Two-step verification is <strong>on</strong> for your sign-ins.');
    expect(renderPage(PAGES[0]!)).toContain('<title>Sign in · Tessera sign-in</title>');
  });

  it('leaves no English chrome in the other languages, and keeps the core’s words', () => {
    const english = Object.values(PAGE_TEXT.en).filter(
      (value): value is string => typeof value === 'string' && value.length >= 5,
    );
    for (const lang of PAGE_LANGUAGES.filter((lang) => lang !== 'en')) {
      const html = PAGES.map((page) => renderPage(page, lang)).join('\n');
      for (const phrase of english) expect(html, `${lang}: ${phrase}`).not.toContain(phrase);
      expect(html).not.toContain('Tessera sign-in');
      expect(html).not.toContain('Two-step verification');
      for (const core of [
        'Core error',
        'Core notice',
        'Core check: Core detail',
        'Core title',
        'Core message',
      ]) {
        expect(html).toContain(core);
      }
      expect(html).toContain('<strong>ada@example.test</strong>');
    }
  });

  it.each(PAGE_LANGUAGES)('escapes what people and IdPs sent (%s)', (lang) => {
    const email = '<script>alert(1)</script>@example.test';
    const signedIn = renderPage(
      { kind: 'signed-in', email, application: '<b>App</b>', expiresAt: EXPIRES, mfaChoice: null },
      lang,
    );
    expect(signedIn).not.toContain('<script>');
    expect(signedIn).not.toContain('<b>App');
    expect(signedIn).toContain('<strong>&lt;script&gt;alert(1)&lt;/script&gt;@example.test</strong>');
    const enroll = renderPage(
      { kind: 'mfa-enroll', flowId: 'f', email: '"><img src=x>', qrDataUrl: 'data:,', secret: 'AAAA' },
      lang,
    );
    expect(enroll).not.toContain('"><img src=x>');
    expect(enroll).toContain('&quot;&gt;&lt;img src=x&gt;');
    const test = renderPage({ kind: 'test-done', succeeded: true, idpName: '<i>IdP</i>', checks: [] }, lang);
    expect(test).toContain('&lt;i&gt;IdP&lt;/i&gt;:');
  });
});
