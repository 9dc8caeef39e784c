import { DEFAULT_THEME } from '@mantine/core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  brandFill,
  firstLetter,
  letterColor,
  loadIssuerIndex,
  matchIssuer,
  normalizeName,
  titleToSlug,
  type IssuerIndex,
} from '../../../../../renderer/src/features/authenticator/issuer-icon';

let index: IssuerIndex;
const slugOf = (issuer: string) => matchIssuer(index, issuer)?.slug ?? null;

beforeAll(async () => {
  // The same dynamic import the renderer does, against the installed simple-icons.
  const loaded = await loadIssuerIndex();
  if (!loaded) throw new Error('simple-icons did not load');
  index = loaded;
});

describe('matchIssuer: brands', () => {
  it('finds a brand by its title, whatever the case, accents or spacing', () => {
    for (const issuer of ['GitHub', 'github', 'GITHUB', 'Gíthüb', '  GitHub  ', 'Git Hub']) {
      expect(slugOf(issuer), issuer).toBe('github');
    }
    expect(slugOf('Google')).toBe('google');
    expect(slugOf('Proton Mail')).toBe('protonmail');
    expect(slugOf('protonmail')).toBe('protonmail');
  });

  it('returns the icon with its data', () => {
    const icon = matchIssuer(index, 'GitHub');
    expect(icon).toMatchObject({ title: 'GitHub', slug: 'github' });
    expect(icon?.hex).toMatch(/^[\dA-F]{6}$/i);
    expect(icon?.path).toMatch(/^M/);
  });

  it('reads host names, URLs and addresses', () => {
    expect(slugOf('github.com')).toBe('github');
    expect(slugOf('https://github.com/login')).toBe('github');
    expect(slugOf('accounts.google.com')).toBe('google');
    expect(slugOf('www.paypal.co.uk')).toBe('paypal');
    expect(slugOf('alice@proton.me')).toBe('proton');
    // A self-hosted service under someone else's domain.
    expect(slugOf('gitlab.wonderland.example')).toBe('gitlab');
  });

  it('drops company forms and trailing words', () => {
    expect(slugOf('GitHub, Inc.')).toBe('github');
    expect(slugOf('GitHub Inc')).toBe('github');
    expect(slugOf('HP Inc.')).toBe('hp');
    expect(slugOf('Google (work)')).toBe('google');
    expect(slugOf('Bank of America Corporation')).toBe('bankofamerica');
  });

  it('spells titles as Simple Icons slugs do', () => {
    expect(titleToSlug('Booking.com')).toBe('bookingdotcom');
    expect(slugOf('Booking.com')).toBe('bookingdotcom');
    expect(slugOf('C++')).toBe('cplusplus');
    expect(slugOf('1&1')).toBe('1and1');
    // ".NET", "C#" and "C++" all normalize to one letter or word; the slug decides.
    expect(slugOf('C')).toBe('c');
  });

  it('knows aliases, local names, duplicates and former names', () => {
    expect(slugOf('Twitter')).toBe('x');
    expect(slugOf('구글')).toBe('google');
    const solidworks = matchIssuer(index, 'SolidWorks');
    expect(solidworks?.slug).toBe('dassaultsystemes');
    expect(solidworks?.title).toBe('SolidWorks');
    expect(solidworks?.hex).toBe('D81E1A');
    expect(slugOf('Chromecast')).toBe('googlecast');
  });

  it('gives no icon for brands the set does not carry', () => {
    // Simple Icons took Microsoft's and Amazon's marks out at their owners' request; if they come back,
    // these must find them.
    expect(slugOf('Microsoft')).toBe(index.slugs.has('microsoft') ? 'microsoft' : null);
    expect(slugOf('login.microsoftonline.com')).toBe(
      index.slugs.has('microsoftonline') ? 'microsoftonline' : null,
    );
    expect(slugOf('Amazon Web Services')).toBe(
      index.slugs.has('amazonwebservices') ? 'amazonwebservices' : null,
    );
    expect(slugOf('Acme Corp')).toBeNull();
    expect(slugOf('Wonderland')).toBeNull();
  });

  it('does not take a short first word for a brand', () => {
    expect(slugOf('Net')).toBe('dotnet');
    expect(slugOf('Net Bank')).toBeNull();
    expect(slugOf('C Club')).toBeNull();
  });
});

describe('matchIssuer: hostile issuers', () => {
  it('finds nothing for empty, prototype names and punctuation', () => {
    for (const issuer of ['', '   ', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '...', '🔥']) {
      expect(matchIssuer(index, issuer), JSON.stringify(issuer)).toBeNull();
    }
  });

  it('finds nothing for an issuer longer than any the store accepts', () => {
    expect(matchIssuer(index, 'a'.repeat(10_000))).toBeNull();
    expect(matchIssuer(index, `GitHub ${'x'.repeat(10_000)}`)).toBeNull();
    expect(matchIssuer(index, 'é'.repeat(10_000))).toBeNull();
  });

  it('finds nothing in control and bidi characters alone', () => {
    expect(matchIssuer(index, '\u202e\u200b\u0000')).toBeNull();
  });
});

describe('normalizeName', () => {
  it('keeps letters and digits of any script, lowercased, without accents', () => {
    expect(normalizeName('Ünïcode, Inc.')).toBe('unicodeinc');
    expect(normalizeName('İstanbul')).toBe('istanbul');
    expect(normalizeName('구글')).toBe('구글');
    expect(normalizeName('__proto__')).toBe('proto');
  });
});

describe('brandFill', () => {
  it('keeps a brand colour that stands out from the tile, else gives way', () => {
    expect(brandFill('181717', '#ffffff')).toBe('#181717');
    expect(brandFill('181717', '#2e2e2e')).toBeNull();
    expect(brandFill('4285F4', '#ffffff')).toBe('#4285F4');
    expect(brandFill('4285F4', '#2e2e2e')).toBe('#4285F4');
    expect(brandFill('FFFFFF', '#ffffff')).toBeNull();
    expect(brandFill('FFFC00', '#ffffff')).toBeNull();
  });

  it('reads a tile colour in three digits, as Mantine writes its white', () => {
    expect(brandFill('4285F4', '#fff')).toBe('#4285F4');
    expect(brandFill('FFFFFF', '#FFF')).toBeNull();
    expect(brandFill('4285F4', 'white')).toBeNull();
  });

  it("works on the tiles IssuerIcon draws (Mantine's default surface)", () => {
    const light = DEFAULT_THEME.white;
    const dark = DEFAULT_THEME.colors.dark[6];
    expect(brandFill('4285F4', light)).toBe('#4285F4');
    expect(brandFill('4285F4', dark)).toBe('#4285F4');
    expect(brandFill('181717', light)).toBe('#181717');
    expect(brandFill('181717', dark)).toBeNull();
  });

  it('refuses anything but six hex digits', () => {
    expect(brandFill('red', '#ffffff')).toBeNull();
    expect(brandFill('000000;background:url(x)', '#ffffff')).toBeNull();
  });
});

describe('letter fallback', () => {
  it('takes the first letter or digit as a person reads it', () => {
    expect(firstLetter('github')).toBe('G');
    expect(firstLetter('  (work) vpn')).toBe('W');
    expect(firstLetter('ärzte')).toBe('Ä');
    expect(firstLetter('e\u0301cole').normalize('NFC')).toBe('É');
    expect(firstLetter('2fa')).toBe('2');
    expect(firstLetter('')).toBe('?');
    expect(firstLetter('🔥🔥')).toBe('?');
    expect(firstLetter('x'.repeat(10_000))).toBe('X');
  });

  it('colours the same name the same way, and different names differently', () => {
    expect(letterColor('Wonderland')).toBe(letterColor('wonderland'));
    expect(letterColor('Wonderland')).toBe(letterColor('Wöndérland'));
    const colours = new Set(
      ['Acme', 'Wonderland', 'Initech', 'Globex', 'Umbrella', 'Hooli'].map(letterColor),
    );
    expect(colours.size).toBeGreaterThan(1);
    expect(letterColor('')).toMatch(/^[a-z]+$/);
    expect(letterColor('__proto__')).toMatch(/^[a-z]+$/);
  });
});
