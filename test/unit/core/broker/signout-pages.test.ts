/** The signed-out page in en/sv/fi/pl: each outcome says what ended, the core's words stay as written. */
import { describe, expect, it } from 'vitest';
import type { Page } from '../../../../electron/core/broker/broker-service';
import { PAGE_LANGUAGES, PAGE_TEXT } from '../../../../electron/core/broker/page-text';
import { renderPage } from '../../../../electron/core/broker/pages';

type SignedOut = Extract<Page, { kind: 'signed-out' }>;

const OUTCOMES: SignedOut[] = [
  { kind: 'signed-out', idpName: null, upstream: 'none' },
  { kind: 'signed-out', idpName: 'Corp IdP', upstream: 'ended' },
  { kind: 'signed-out', idpName: 'Corp IdP', upstream: 'not-allowed' },
  { kind: 'signed-out', idpName: 'Corp IdP', upstream: 'unsupported' },
  { kind: 'signed-out', idpName: null, upstream: 'unsupported' },
  { kind: 'signed-out', idpName: 'Corp IdP', upstream: 'failed', detail: 'Core detail', fix: 'Core fix' },
];

const SIGNED_OUT_KEYS = Object.keys(PAGE_TEXT.en).filter((key) =>
  /^signedOut|^yourIdp|^signInAgain/.test(key),
);

describe('the signed-out page', () => {
  it.each(PAGE_LANGUAGES)('says in %s what ended, with a way to sign in again', (lang) => {
    const t = PAGE_TEXT[lang];
    const pages = OUTCOMES.map((page) => renderPage(page, lang));
    pages.forEach((html) => {
      expect(html).toContain(`<h1>${t.signedOutTitle}</h1>`);
      expect(html).toContain(`<a href="/">${t.signInAgain}</a>`);
    });
    expect(pages[0]).toContain(t.signedOutNone);
    expect(pages[1]).toContain(t.signedOutEnded('Corp IdP'));
    expect(pages[2]).toContain(t.signedOutNotAllowed('Corp IdP'));
    expect(pages[3]).toContain(t.signedOutUnsupported('Corp IdP'));
    expect(pages[4]).toContain(t.signedOutUnsupported(t.yourIdp));
    expect(pages[5]).toContain(t.signedOutFailed('Corp IdP'));
    // What the IdP said and the fix are the core's (English) words, shown as written.
    expect(pages[5]).toContain('<p class="error" role="alert">Core detail</p>');
    expect(pages[5]).toContain('<p>Core fix</p>');
  });

  it('leaves no English words in the other languages', () => {
    const english = SIGNED_OUT_KEYS.map((key) => (PAGE_TEXT.en as Record<string, unknown>)[key]).map(
      (value) =>
        typeof value === 'function' ? (value as (idp: string) => string)('Corp IdP') : String(value),
    );
    for (const lang of PAGE_LANGUAGES.filter((lang) => lang !== 'en')) {
      const html = OUTCOMES.map((page) => renderPage(page, lang)).join('\n');
      for (const phrase of english) expect(html, `${lang}: ${phrase}`).not.toContain(phrase);
    }
  });

  it.each(PAGE_LANGUAGES)('escapes the IdP name and what it said (%s)', (lang) => {
    const html = renderPage(
      { kind: 'signed-out', idpName: '<img src=x>', upstream: 'failed', detail: '<script>x</script>' },
      lang,
    );
    expect(html).not.toContain('<img src=x>');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;img src=x&gt;');
  });
});
