/**
 * "The computer's clock is off": TOTP codes come from the clock, so past one time step (30 s) the
 * codes shown are refused. The core asks the time server in the settings (at most once an hour);
 * this only shows a warning when the answer says the clock is off, and nothing when it is right,
 * the check is off, or the server could not be reached.
 */
import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconClockExclamation } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';

export const CLOCK_KEY = ['totp', 'clock'] as const;
const RECHECK_EVERY_MS = 60 * 60_000;

/** "4 min 12 s", "2 h 5 min": how far off, rounded to what a person needs. */
function useOffsetText() {
  const { t } = useTranslation();
  return (offsetMs: number) => {
    const seconds = Math.round(Math.abs(offsetMs) / 1000);
    if (seconds >= 3600) {
      return t('auth.clockHours', {
        hours: Math.floor(seconds / 3600),
        minutes: Math.floor(seconds / 60) % 60,
      });
    }
    return t('auth.clockMinutes', { minutes: Math.floor(seconds / 60), seconds: seconds % 60 });
  };
}

/** The clock check's last answer (or that it is still running): one shared query. */
function useClockCheck() {
  return useQuery({
    queryKey: CLOCK_KEY,
    queryFn: () => call('totp:clock:check', { fresh: false }),
    refetchInterval: RECHECK_EVERY_MS,
    refetchOnWindowFocus: false,
  });
}

/** One line for the settings: what the last check found, so "right" is visible too. */
export function ClockCheckLine() {
  const { t, i18n } = useTranslation();
  const offsetText = useOffsetText();
  const result = useClockCheck().data;
  if (!result) return null;
  const time = new Date(result.checkedAt).toLocaleTimeString(i18n.resolvedLanguage);
  const text =
    result.state === 'unknown' || result.offsetMs === null
      ? t('auth.clockUnknown', {
          time,
          server: result.server,
          // In the person's language when the core gave a reason; its English words otherwise.
          detail: (result.reason
            ? t(`auth.clockReason.${result.reason}`, { ...result.params, defaultValue: result.detail ?? '' })
            : (result.detail ?? '')
          ).replace(/\.$/, ''),
        })
      : result.state === 'ok'
        ? t('auth.clockOk', { time, server: result.server })
        : t('auth.clockOff', { time, server: result.server, offset: offsetText(result.offsetMs) });
  return (
    <Text size="xs" c="dimmed" role="status" aria-label={t('auth.clockLast')}>
      {text}
    </Text>
  );
}

export function ClockWarning() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const offsetText = useOffsetText();
  const check = useClockCheck();
  const recheck = useMutation({
    mutationFn: () => call('totp:clock:check', { fresh: true }),
    onSuccess: (result) => client.setQueryData(CLOCK_KEY, result),
  });
  const result = check.data;
  if (result?.state !== 'off' || result.offsetMs === null) return null;
  // offset = server − ours: negative means this computer is ahead.
  const key = result.offsetMs < 0 ? 'auth.clockAhead' : 'auth.clockBehind';
  return (
    <Alert color="orange" icon={<IconClockExclamation />} title={t('auth.clockOffTitle')} role="alert">
      <Stack gap="xs">
        <Text size="sm">{t(key, { offset: offsetText(result.offsetMs), server: result.server })}</Text>
        <Text size="sm">{t('auth.clockFix')}</Text>
        <Button
          size="xs"
          variant="light"
          color="orange"
          w="fit-content"
          loading={recheck.isPending}
          onClick={() => recheck.mutate()}
        >
          {t('auth.clockRecheck')}
        </Button>
      </Stack>
    </Alert>
  );
}
