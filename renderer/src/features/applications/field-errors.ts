/**
 * What is wrong with an application's form, field by field, as translation keys: from the shared
 * schema's issues before a save, and from the core's refusal after one (the gate names the path of
 * the first bad value, e.g. "application.redirectUris.1"). The schema decides what is wrong; this
 * only picks the words, and keeps the schema's English where it has none of its own.
 */
import {
  ADMIN_LIMITS,
  ApplicationInputSchema,
  type ApplicationInput,
  type ClientType,
} from '../../../../shared/admin/schemas';
import type { AppErrorShape } from '../../../../shared/ipc/errors';

export const FORM_FIELDS = ['name', 'key', 'redirectUris', 'postLogoutRedirectUris'] as const;
export type FormField = (typeof FORM_FIELDS)[number];

/** A message to show: a translation key with its values, or words as they came (English). */
export type FieldMessage =
  | { key: string; params?: Record<string, string | number>; text?: undefined }
  | { text: string; key?: undefined; params?: undefined };

export type FieldErrors = Partial<Record<FormField, FieldMessage[]>>;

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Why the schema refused this redirect URI, in the terms of the renderer's translations. */
export function uriProblem(value: string, clientType: ClientType): FieldMessage | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { key: 'apps.uri.notAbsolute', params: { value } };
  }
  if (url.hash !== '' || value.includes('#')) return { key: 'apps.uri.fragment', params: { value } };
  if (url.username !== '' || url.password !== '') return { key: 'apps.uri.userinfo', params: { value } };
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:') {
    return LOOPBACK_HOSTS.has(url.hostname)
      ? null
      : { key: 'apps.uri.http', params: { value, host: url.hostname } };
  }
  if (/^[a-z][a-z0-9+.-]*\.[a-z0-9+.-]+:$/.test(url.protocol)) {
    return clientType === 'public' ? null : { key: 'apps.uri.appScheme', params: { value } };
  }
  return { key: 'apps.uri.scheme', params: { value, scheme: url.protocol.replace(/:$/, '') } };
}

function isUriField(field: FormField): field is 'redirectUris' | 'postLogoutRedirectUris' {
  return field === 'redirectUris' || field === 'postLogoutRedirectUris';
}

function add(errors: FieldErrors, field: FormField, message: FieldMessage) {
  (errors[field] ??= []).push(message);
}

/** The words for one bad value at `field` (index `index` for a URI list). */
function messageFor(
  input: ApplicationInput,
  field: FormField,
  index: number | null,
  code: string,
  fallback: string,
): FieldMessage {
  const clientType = input.clientType ?? 'confidential';
  if (isUriField(field)) {
    const uris = input[field] ?? [];
    if (index === null) {
      if (code === 'too_big')
        return { key: 'apps.uri.tooMany', params: { max: ADMIN_LIMITS.redirectUrisMax } };
      const seen = new Set<string>();
      const twice = uris.find((uri) => (seen.has(uri.trim()) ? true : (seen.add(uri.trim()), false)));
      return twice ? { key: 'apps.uri.twice', params: { value: twice.trim() } } : { text: fallback };
    }
    const value = (uris[index] ?? '').trim();
    if (code === 'too_big') return { key: 'apps.uri.tooLong', params: { max: ADMIN_LIMITS.urlMax } };
    return uriProblem(value, clientType) ?? { text: fallback };
  }
  if (field === 'key') return { key: 'apps.keyInvalid' };
  if (code === 'too_big') return { key: 'form.tooLong', params: { max: ADMIN_LIMITS.nameMax } };
  return { key: 'form.required' };
}

function asField(segment: unknown): FormField | null {
  return (FORM_FIELDS as readonly unknown[]).includes(segment) ? (segment as FormField) : null;
}

/** The schema's verdict on the form, field by field; null when it would be accepted. */
export function validateApplication(input: ApplicationInput): FieldErrors | null {
  const parsed = ApplicationInputSchema.safeParse(input);
  if (parsed.success) return null;
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = asField(issue.path[0]);
    if (!field) continue;
    const index = typeof issue.path[1] === 'number' ? issue.path[1] : null;
    add(errors, field, messageFor(input, field, index, issue.code, issue.message));
  }
  return errors;
}

const GATE_PATH = /malformed at "application\.([A-Za-z]+)(?:\.(\d+))?": (.*?)\.?$/s;

/**
 * A refused save that belongs on a field: the core's schema check (BAD_REQUEST naming the path)
 * or a client ID another application uses. Null: show it as the form's error instead.
 */
export function serverFieldErrors(error: AppErrorShape, input: ApplicationInput): FieldErrors | null {
  if (error.reason === 'application.duplicateKey')
    return { key: [{ key: 'errors.application.duplicateKey', params: { ...error.params } }] };
  if (error.code !== 'BAD_REQUEST') return null;
  const match = GATE_PATH.exec(error.message);
  const field = asField(match?.[1]);
  if (!match || !field) return null;
  const index = match[2] === undefined ? null : Number(match[2]);
  return { [field]: [messageFor(input, field, index, 'custom', match[3] ?? error.message)] };
}
