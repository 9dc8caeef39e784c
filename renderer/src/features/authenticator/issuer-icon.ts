/**
 * Picks a brand icon from Simple Icons (CC0) for an authenticator account's issuer. The issuer is
 * whatever a QR code or an imported file said, so every lookup goes through Maps (never a plain
 * object: "__proto__" or "constructor" must not find Object.prototype) and is bounded in length.
 *
 * The icon set is a few megabytes of SVG paths: it is loaded with a dynamic import() into chunks of
 * its own, the first time a card asks for it, and never touches the main bundle.
 */
import { OTP_LIMITS } from '../../../../shared/otp/limits';

export interface BrandIcon {
  readonly title: string;
  readonly slug: string;
  /** Six hex digits, no '#'. */
  readonly hex: string;
  /** SVG path data in a 24×24 view box. */
  readonly path: string;
}

/** The parts of Simple Icons' metadata (icons.json) used here. */
export interface BrandMeta {
  readonly slug: string;
  readonly aliases?: {
    readonly aka?: readonly string[];
    readonly dup?: readonly { readonly title: string; readonly hex?: string }[];
    readonly loc?: Readonly<Record<string, string>>;
    readonly old?: readonly string[];
  };
}

export interface IssuerIndex {
  /** Simple Icons slugs as they are ("bookingdotcom", "cplusplus"). */
  readonly slugs: ReadonlyMap<string, BrandIcon>;
  /** Normalized names: slugs, titles, then aliases, then former names; the first one in wins. */
  readonly names: ReadonlyMap<string, BrandIcon>;
}

const MARKS = /\p{M}+/gu;
const NOT_WORD = /[^\p{L}\p{N}]+/u;
const NOT_WORD_GLOBAL = /[^\p{L}\p{N}]+/gu;

/** Lowercase, accents dropped, only letters and digits of any script: "Ünïcode, Inc." → "unicodeinc". */
export function normalizeName(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(MARKS, '')
    .replace(NOT_WORD_GLOBAL, '')
    .normalize('NFC');
}

function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(MARKS, '')
    .split(NOT_WORD)
    .filter((word) => word.length > 0)
    .map((word) => word.normalize('NFC'));
}

// Simple Icons' own titleToSlug (simple-icons/sdk, which needs Node, so it is repeated here).
const SLUG_REPLACEMENTS = new Map([
  ['+', 'plus'],
  ['.', 'dot'],
  ['&', 'and'],
  ['đ', 'd'],
  ['ħ', 'h'],
  ['ı', 'i'],
  ['ĸ', 'k'],
  ['ŀ', 'l'],
  ['ł', 'l'],
  ['ß', 'ss'],
  ['ŧ', 't'],
  ['ø', 'o'],
]);

/** "Booking.com" → "bookingdotcom", "C++" → "cplusplus": the slug Simple Icons would give the title. */
export function titleToSlug(title: string): string {
  return title
    .toLowerCase()
    .replace(/[+.&đħıĸŀłßŧø]/gu, (char) => SLUG_REPLACEMENTS.get(char) ?? '')
    .normalize('NFD')
    .replace(/[^a-z\d]/g, '');
}

export function buildIssuerIndex(icons: Iterable<BrandIcon>, meta: Iterable<BrandMeta>): IssuerIndex {
  const slugs = new Map<string, BrandIcon>();
  for (const icon of icons) slugs.set(icon.slug, icon);

  const names = new Map<string, BrandIcon>();
  const add = (name: string, icon: BrandIcon) => {
    const key = normalizeName(name);
    if (key && !names.has(key)) names.set(key, icon);
  };
  // Slugs before titles: ".NET", "C#" and "C++" all normalize to one word; the slug "c" is C's.
  for (const icon of slugs.values()) add(icon.slug, icon);
  for (const icon of slugs.values()) add(icon.title, icon);
  const former: [string, BrandIcon][] = [];
  for (const { slug, aliases } of meta) {
    const icon = slugs.get(slug);
    if (!icon || !aliases) continue;
    for (const name of aliases.aka ?? []) add(name, icon);
    for (const name of Object.values(aliases.loc ?? {})) add(name, icon);
    // A duplicate is the same mark under another name, sometimes in its own colour.
    for (const dup of aliases.dup ?? [])
      add(dup.title, { title: dup.title, slug: icon.slug, hex: dup.hex ?? icon.hex, path: icon.path });
    for (const name of aliases.old ?? []) former.push([name, icon]);
  }
  // A brand's former name ("Rome") loses to any current one.
  for (const [name, icon] of former) add(name, icon);
  return { slugs, names };
}

/** Company-form words dropped from the end of an issuer: "GitHub, Inc." is GitHub. */
const COMPANY_FORMS = new Set([
  'inc',
  'incorporated',
  'llc',
  'llp',
  'ltd',
  'limited',
  'corp',
  'corporation',
  'co',
  'company',
  'gmbh',
  'ag',
  'sa',
  'ab',
  'as',
  'asa',
  'oy',
  'oyj',
  'plc',
  'bv',
  'nv',
  'srl',
  'spa',
  'pty',
  'kk',
  'sarl',
  'sas',
  'group',
  'holdings',
]);

/** Second-level labels under a country code: the brand in "amazon.co.uk" is the label before "co". */
const SECOND_LEVEL = new Set(['co', 'com', 'net', 'org', 'gov', 'edu', 'ac', 'or', 'ne', 'go']);

const HOST = /^[a-z\d-]+(?:\.[a-z\d-]+)+$/;

/**
 * For an issuer that is a host name, URL or address ("github.com", "https://accounts.google.com/",
 * "me@proton.me"): the registrable label first ("google"), then the others from the right.
 */
function hostLabels(issuer: string): string[] {
  const host = issuer
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z\d+.-]*:\/\//, '')
    .replace(/^[^@/]*@/, '')
    .split(/[/:?#]/, 1)[0]!
    .replace(/\.$/, '');
  if (!HOST.test(host)) return [];
  const labels = host.split('.');
  const tld = labels.pop()!;
  if (!/^[a-z]{2,}$/.test(tld)) return [];
  if (tld.length === 2 && labels.length >= 2 && SECOND_LEVEL.has(labels.at(-1)!)) labels.pop();
  const [registrable, ...others] = labels.reverse();
  return [registrable!, ...others.filter((label) => label.length >= 3 && label !== 'www')];
}

/** Leading words tried together; the longest Simple Icons title has seven. */
const MAX_WORDS = 7;
/** A single leading word matches only a name at least this long ("Net Bank" is not .NET). */
const MIN_PREFIX_LENGTH = 4;

/**
 * The brand icon for an issuer, or null. In order: the issuer as a Simple Icons slug would spell it;
 * the whole issuer normalized; a host name's labels; the issuer without a trailing company form;
 * then its leading words, longest first ("Google Workspace" → Google).
 */
export function matchIssuer(index: IssuerIndex, issuer: string): BrandIcon | null {
  if (issuer.length > OTP_LIMITS.issuerMaxLength) return null;
  const bySlug = index.slugs.get(titleToSlug(issuer));
  if (bySlug) return bySlug;
  const whole = index.names.get(normalizeName(issuer));
  if (whole) return whole;
  for (const label of hostLabels(issuer)) {
    const byLabel = index.names.get(normalizeName(label));
    if (byLabel) return byLabel;
  }
  const parts = words(issuer);
  while (parts.length > 1 && COMPANY_FORMS.has(parts.at(-1)!)) parts.pop();
  const stripped = index.names.get(parts.join(''));
  if (stripped) return stripped;
  for (let n = Math.min(parts.length - 1, MAX_WORDS); n >= 1; n -= 1) {
    const key = parts.slice(0, n).join('');
    const icon = index.names.get(key);
    if (icon && (n > 1 || key.length >= MIN_PREFIX_LENGTH)) return icon;
  }
  return null;
}

function isBrandIcon(value: unknown): value is BrandIcon {
  if (typeof value !== 'object' || value === null) return false;
  const icon = value as Partial<Record<keyof BrandIcon, unknown>>;
  return (
    typeof icon.title === 'string' &&
    typeof icon.slug === 'string' &&
    typeof icon.hex === 'string' &&
    typeof icon.path === 'string'
  );
}

let loaded: IssuerIndex | null = null;
let loading: Promise<IssuerIndex | null> | null = null;

/** The index, if it has been loaded already (so a card mounted later shows its icon at once). */
export function loadedIssuerIndex(): IssuerIndex | null {
  return loaded;
}

/**
 * Loads Simple Icons once. A failed load resolves to null (cards keep their letter) and is tried
 * again by the next caller.
 */
export function loadIssuerIndex(): Promise<IssuerIndex | null> {
  loading ??= Promise.all([import('simple-icons'), import('simple-icons/icons.json')]).then(
    ([icons, meta]) => {
      // Every named export of 'simple-icons' is an icon (siGithub, siGoogle, …).
      loaded = buildIssuerIndex(Object.values<unknown>(icons).filter(isBrandIcon), meta.default);
      return loaded;
    },
    () => {
      loading = null;
      return null;
    },
  );
  return loading;
}

/** The brand colour if it stands out from the tile by WCAG's 3:1 for graphics (1.4.11), else null. */
export function brandFill(hex: string, tile: string): string | null {
  const brand = `#${hex}`;
  const a = luminance(brand);
  const b = luminance(tile);
  if (a === null || b === null) return null;
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05) >= 3 ? brand : null;
}

/** WCAG relative luminance of "#rrggbb" or "#rgb" (Mantine's white is "#fff"), or null for anything else. */
function luminance(color: string): number | null {
  const long = /^#[\da-f]{3}$/i.test(color) ? color.replace(/[\da-f]/gi, (digit) => digit + digit) : color;
  const match = /^#([\da-f]{2})([\da-f]{2})([\da-f]{2})$/i.exec(long);
  if (!match) return null;
  const [r, g, b] = match.slice(1).map((part) => {
    const c = parseInt(part, 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Mantine's palette for generated avatars, less gray and dark (as its own `color="initials"`). */
const LETTER_COLORS = [
  'blue',
  'cyan',
  'grape',
  'green',
  'indigo',
  'lime',
  'orange',
  'pink',
  'red',
  'teal',
  'violet',
] as const;

/** A colour that stays the same for the same name, whatever its case or accents. */
export function letterColor(name: string): (typeof LETTER_COLORS)[number] {
  const short = name.slice(0, OTP_LIMITS.accountNameMaxLength);
  const key = normalizeName(short) || short;
  let hash = 0;
  for (let i = 0; i < key.length; i += 1) {
    hash = (Math.imul(hash, 31) + key.charCodeAt(i)) | 0;
  }
  return LETTER_COLORS[Math.abs(hash) % LETTER_COLORS.length]!;
}

/** The first letter or digit, as a person reads it (one grapheme), upper-cased; '?' if none. */
export function firstLetter(name: string): string {
  const segments = new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(name.slice(0, 256));
  for (const { segment } of segments) {
    if (/[\p{L}\p{N}]/u.test(segment)) return segment.toLocaleUpperCase();
  }
  return '?';
}
