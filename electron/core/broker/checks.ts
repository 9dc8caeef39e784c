/**
 * The diagnosis of a sign-in response (SPEC §4): a fixed catalog of checks, run in order; the first
 * that fails says what is wrong and what to fix, the ones before it passed, the ones after it were
 * not reached. SAML and OIDC each have their catalog; this is the one way both report.
 *
 * The detail and fix are English (logs, and the fallback); a failure's `code` and `params` let the
 * admin console say the same in the admin's language. Check ids name the titles the same way.
 */
import type { SignInCheck } from '../../../shared/admin/directory';

export type CheckCatalog<Id extends string> = readonly (readonly [id: Id, title: string])[];

/** The values a translated detail or fix puts in its sentence (URLs, names, the peer's message). */
export type CheckParams = Record<string, string | number>;

export class CheckFailure<Id extends string = string> extends Error {
  constructor(
    readonly id: Id,
    readonly detail: string,
    readonly fix: string,
    /** Stable, e.g. "wrong-recipient"; none for a failure only the English words describe. */
    readonly code?: string,
    readonly params?: CheckParams,
  ) {
    super(detail);
  }
}

export function checkList<Id extends string>(
  catalog: CheckCatalog<Id>,
  failure: CheckFailure<Id> | null,
): SignInCheck[] {
  let after = false;
  return catalog.map(([id, title]) => {
    if (failure?.id === id) {
      after = true;
      return {
        id,
        title,
        status: 'fail' as const,
        detail: failure.detail,
        fix: failure.fix,
        ...(failure.code ? { code: failure.code, params: failure.params ?? {} } : {}),
      };
    }
    return { id, title, status: after ? ('skipped' as const) : ('pass' as const), detail: null, fix: null };
  });
}
