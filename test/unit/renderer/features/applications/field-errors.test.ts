import { describe, expect, it } from 'vitest';
import type { ApplicationInput } from '../../../../../shared/admin/schemas';
import { ApplicationInputSchema } from '../../../../../shared/admin/schemas';
import { contract } from '../../../../../shared/ipc/contract';
import {
  serverFieldErrors,
  uriProblem,
  validateApplication,
} from '../../../../../renderer/src/features/applications/field-errors';

const app = (change: Partial<ApplicationInput> = {}): ApplicationInput => ({
  name: 'Payroll',
  key: 'payroll',
  requireMfa: false,
  clientType: 'confidential',
  redirectUris: ['https://payroll.example.com/cb'],
  postLogoutRedirectUris: [],
  scopes: ['profile', 'email'],
  firstParty: true,
  ...change,
});

/** What the gate says when the contract refuses a request (electron/core/gate.ts). */
function gateRefusal(application: ApplicationInput) {
  const parsed = contract['mfa:application:save'].request.safeParse({ id: null, application });
  if (parsed.success) throw new Error('accepted');
  const issue = parsed.error.issues[0]!;
  return {
    code: 'BAD_REQUEST' as const,
    message: `The request for mfa:application:save is malformed at "${issue.path.join('.')}": ${issue.message}.`,
  };
}

describe('application form errors', () => {
  it('accepts what the schema accepts', () => {
    expect(validateApplication(app())).toBeNull();
    expect(
      validateApplication(app({ clientType: 'public', redirectUris: ['com.example.app:/cb'] })),
    ).toBeNull();
    expect(validateApplication(app({ redirectUris: ['http://127.0.0.1:8400/cb'] }))).toBeNull();
  });

  it('puts each bad redirect URI on its field, in words the renderer translates', () => {
    const errors = validateApplication(
      app({
        redirectUris: ['https://ok.example.com/cb', 'http://example.com/cb', 'https://x.example.com/#top'],
        postLogoutRedirectUris: ['com.example.app:/out'],
      }),
    );
    expect(errors).toEqual({
      redirectUris: [
        { key: 'apps.uri.http', params: { value: 'http://example.com/cb', host: 'example.com' } },
        { key: 'apps.uri.fragment', params: { value: 'https://x.example.com/#top' } },
      ],
      postLogoutRedirectUris: [{ key: 'apps.uri.appScheme', params: { value: 'com.example.app:/out' } }],
    });
  });

  it('agrees with the schema on every kind of URI it classifies', () => {
    const uris = [
      'not a url',
      'https://a.example.com/cb',
      'http://localhost:3000/cb',
      'http://[::1]/cb',
      'http://example.com/cb',
      'https://user:pw@example.com/cb',
      'ftp://example.com/cb',
      'com.example.app:/cb',
      'myapp:/cb',
    ];
    for (const clientType of ['confidential', 'public'] as const) {
      for (const uri of uris) {
        const schemaOk = ApplicationInputSchema.safeParse(app({ clientType, redirectUris: [uri] })).success;
        expect(uriProblem(uri, clientType) === null, `${uri} (${clientType})`).toBe(schemaOk);
      }
    }
  });

  it('names a URI listed twice, the client ID and the name', () => {
    expect(
      validateApplication(
        app({ name: ' ', key: 'Not valid!', redirectUris: ['https://a.example/cb', 'https://a.example/cb'] }),
      ),
    ).toEqual({
      name: [{ key: 'form.required' }],
      key: [{ key: 'apps.keyInvalid' }],
      redirectUris: [{ key: 'apps.uri.twice', params: { value: 'https://a.example/cb' } }],
    });
  });

  it('reads the field out of the core’s refusal', () => {
    const input = app({ redirectUris: ['https://ok.example.com/cb', 'http://example.com/cb'] });
    expect(serverFieldErrors(gateRefusal(input), input)).toEqual({
      redirectUris: [
        { key: 'apps.uri.http', params: { value: 'http://example.com/cb', host: 'example.com' } },
      ],
    });
    const duplicate = {
      code: 'INVALID_INPUT' as const,
      message: 'Another application already uses the id "payroll".',
      reason: 'application.duplicateKey',
      params: { key: 'payroll' },
    };
    expect(serverFieldErrors(duplicate, input)).toEqual({
      key: [{ key: 'errors.application.duplicateKey', params: { key: 'payroll' } }],
    });
    expect(serverFieldErrors({ code: 'INTERNAL', message: 'Something went wrong.' }, input)).toBeNull();
  });
});
