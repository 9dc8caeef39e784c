import { MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ErrorCode } from '../../../shared/ipc/errors';
import { ApiError } from '../api/client';
import { LockGate } from '../features/app-lock/LockGate';
import { STATUS_KEY } from './KeychainBanner';
import { Shell } from './Shell';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { cssVariablesResolver, makeTheme } from './theme';

/** A call refused because Tessera locked itself (auto-lock) brings up the lock screen at once. */
function onError(error: unknown): void {
  if (error instanceof ApiError && error.shape.code === ErrorCode.Locked)
    void queryClient.invalidateQueries({ queryKey: STATUS_KEY });
}

const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: true } },
});

export function App() {
  const { t } = useTranslation();
  const theme = useMemo(() => makeTheme(t('common.close')), [t]);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="auto">
      <QueryClientProvider client={queryClient}>
        <ModalsProvider>
          <Notifications position="bottom-right" />
          <LockGate>
            <Shell />
          </LockGate>
        </ModalsProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
