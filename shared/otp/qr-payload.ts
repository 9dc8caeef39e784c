/**
 * What a scanned QR code holds, decided before anything acts on it. Only otpauth:// and
 * otpauth-migration:// are ever used; anything else (a web link, javascript:, file:) is shown as
 * text and never opened.
 */
export type QrPayload =
  | { kind: 'otpauth'; text: string }
  | { kind: 'migration'; text: string }
  | { kind: 'other'; excerpt: string };

const EXCERPT = 120;

export function classifyQrPayload(text: string): QrPayload {
  const trimmed = text.trim();
  // steam:// goes to the core too, which names Steam Guard when it refuses it.
  if (/^(otpauth|steam):\/\//i.test(trimmed)) return { kind: 'otpauth', text: trimmed };
  if (/^otpauth-migration:\/\//i.test(trimmed)) return { kind: 'migration', text: trimmed };
  // Printable excerpt only: control characters are replaced, length is capped.
  // eslint-disable-next-line no-control-regex
  const printable = trimmed.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '·');
  return {
    kind: 'other',
    excerpt: printable.length > EXCERPT ? `${printable.slice(0, EXCERPT)}…` : printable,
  };
}
