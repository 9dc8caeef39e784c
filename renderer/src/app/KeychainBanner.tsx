import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';

export const STATUS_KEY = ['app', 'status'] as const;

/** `pollWhileLockOn`: re-read every so many ms while the app lock is on (to follow auto-lock). */
export function useAppStatus(pollWhileLockOn?: number) {
  return useQuery({
    queryKey: STATUS_KEY,
    queryFn: () => call('app:status:get', {}),
    refetchInterval: (query) =>
      pollWhileLockOn && query.state.data?.lock?.enabled ? pollWhileLockOn : false,
    // Auto-lock must reach a minimised window too.
    refetchIntervalInBackground: true,
  });
}

/** Says in plain words when the keychain is unreachable; nothing secret works until it is. */
export function KeychainBanner() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const status = useAppStatus();
  if (!status.data || status.data.keychain.available) return null;
  const { problem, detail } = status.data.keychain;
  return (
    <Alert color="red" icon={<IconLock />} title={t('keychain.title')} mb="lg" role="alert">
      <Stack gap="xs">
        <Text size="sm">
          {t(`errors.keychain.${problem ?? 'failed'}`, { detail, defaultValue: detail ?? '' })}
        </Text>
        <Text size="sm">{t('keychain.why')}</Text>
        <Button
          size="xs"
          variant="light"
          color="red"
          w="fit-content"
          loading={status.isFetching}
          onClick={() => void queryClient.invalidateQueries()}
        >
          {t('keychain.retry')}
        </Button>
      </Stack>
    </Alert>
  );
}
