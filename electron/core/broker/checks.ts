/**
 * The diagnosis of a sign-in response (SPEC §4): a fixed catalog of checks, run in order; the first
 * that fails says what is wrong and what to fix, the ones before it passed, the ones after it were
 * not reached. SAML and OIDC each have their catalog; this is the one way both report.
 */
import type { SignInCheck } from '../../../shared/admin/directory';

export type CheckCatalog<Id extends string> = readonly (readonly [id: Id, title: string])[];

export class CheckFailure<Id extends string = string> extends Error {
  constructor(
    readonly id: Id,
    readonly detail: string,
    readonly fix: string,
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
      return { id, title, status: 'fail' as const, detail: failure.detail, fix: failure.fix };
    }
    return { id, title, status: after ? ('skipped' as const) : ('pass' as const), detail: null, fix: null };
  });
}
