import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RequestOf, TotpAccount, TotpCode } from '../../../../shared/ipc/contract';
import { call } from '../../api/client';

export const ACCOUNTS_KEY = ['totp', 'accounts'] as const;
export const CODES_KEY = ['totp', 'codes'] as const;

export function useAccounts() {
  return useQuery({ queryKey: ACCOUNTS_KEY, queryFn: () => call('totp:account:list', {}) });
}

/** Codes refresh exactly when the first one shown expires (not on a fixed timer). */
export function useCodes() {
  return useQuery({
    queryKey: CODES_KEY,
    queryFn: () => call('totp:code:list', {}),
    refetchInterval: (query) => {
      const data = query.state.data;
      const next = data?.reduce<number | null>(
        (min, c) => (c.validUntil === null ? min : Math.min(min ?? Infinity, c.validUntil)),
        null,
      );
      return next === null || next === undefined ? false : Math.max(200, next - Date.now() + 50);
    },
  });
}

export function useAddAccount() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (request: RequestOf<'totp:account:add'>) => call('totp:account:add', request),
    onSuccess: async (account: TotpAccount) => {
      // Only what an added account changes: its code first (so its card never shows without one),
      // then the list, at once (new accounts go last), re-read afterwards without holding up the
      // caller — a scan closes its dialog on success.
      await client.refetchQueries({ queryKey: CODES_KEY, exact: true }).catch(() => undefined);
      client.setQueryData<TotpAccount[]>(ACCOUNTS_KEY, (list) => list && [...list, account]);
      void client.invalidateQueries({ queryKey: ACCOUNTS_KEY });
    },
  });
}

export function useDeleteAccount() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call('totp:account:delete', { id }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['totp'] }),
  });
}

export function useNextHotpCode() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call('totp:counter:increment', { id }),
    onSuccess: (code: TotpCode) => {
      client.setQueryData<TotpCode[]>(CODES_KEY, (codes) => codes?.map((c) => (c.id === code.id ? code : c)));
      return client.invalidateQueries({ queryKey: ACCOUNTS_KEY });
    },
  });
}

export function useUpdateAccount() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (request: RequestOf<'totp:account:update'>) => call('totp:account:update', request),
    onSuccess: () => client.invalidateQueries({ queryKey: ACCOUNTS_KEY }),
  });
}

export function useReorderAccounts() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[]) => call('totp:account:reorder', { ids }),
    onSuccess: (accounts) => client.setQueryData(ACCOUNTS_KEY, accounts),
    onError: () => client.invalidateQueries({ queryKey: ACCOUNTS_KEY }),
  });
}
