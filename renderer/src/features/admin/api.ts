import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Channel, RequestOf, ResponseOf } from '../../../../shared/ipc/contract';
import { call } from '../../api/client';

/** Every admin read lives under this key, so any admin change refreshes every admin screen. */
const ADMIN = 'admin';

export function useAdminQuery<C extends Channel>(channel: C, request: RequestOf<C>, enabled = true) {
  return useQuery({
    queryKey: [ADMIN, channel, request],
    queryFn: () => call(channel, request),
    enabled,
  });
}

/**
 * A change through the contract. Admin objects constrain each other (an IdP's status depends on
 * the rules; deleting an IdP removes rules), so a change refreshes all admin reads.
 */
export function useAdminMutation<C extends Channel>(
  channel: C,
  /** `forgetAnswer`: the answer holds a secret shown once; drop it from the cache at once. */
  { forgetAnswer = false }: { forgetAnswer?: boolean } = {},
) {
  const client = useQueryClient();
  return useMutation<ResponseOf<C>, Error, RequestOf<C>>({
    mutationFn: (request) => call(channel, request),
    onSuccess: () => client.invalidateQueries({ queryKey: [ADMIN] }),
    ...(forgetAnswer ? { gcTime: 0 } : {}),
  });
}
