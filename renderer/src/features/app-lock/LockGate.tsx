/**
 * The app lock in the renderer: the lock screen instead of the app while the core says it is locked,
 * and the input reports that keep auto-lock away while the person is using Tessera. The core decides
 * (it refuses every call while locked); this only follows it, and forgets what it showed.
 */
import { Button, Center, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconLock } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { ErrorAlert } from '../../app/ErrorAlert';
import { STATUS_KEY, useAppStatus } from '../../app/KeychainBanner';

/** How often at most the renderer tells the core that the person is active. */
const ACTIVITY_EVERY_MS = 10_000;
/** How often the status is read while the lock is on, so auto-lock shows on idle pages too. */
const STATUS_EVERY_MS = 15_000;
const INPUT_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

export function LockGate({ children }: { children: ReactNode }) {
  const status = useAppStatus(STATUS_EVERY_MS);
  const client = useQueryClient();
  const lock = status.data?.lock ?? null;
  const locked = lock?.locked ?? false;
  const reporting = lock !== null && lock.enabled && !locked;

  useEffect(() => {
    if (!locked) return;
    // Nothing read while unlocked stays in memory (or the DOM) behind the lock screen.
    modals.closeAll();
    notifications.clean();
    client.removeQueries({ predicate: (query) => query.queryKey[0] !== STATUS_KEY[0] });
    // Finished calls keep what was sent (a setup link, a password) until collected: drop them too.
    client.getMutationCache().clear();
  }, [locked, client]);

  useEffect(() => {
    if (!reporting) return;
    let last = 0;
    const report = () => {
      // Only input meant for Tessera: a pointer crossing its window while another app has focus
      // is not someone using it.
      if (!document.hasFocus()) return;
      const now = Date.now();
      if (now - last < ACTIVITY_EVERY_MS) return;
      last = now;
      // A refusal (locked meanwhile) reaches the query cache's handler, which re-reads the status.
      void call('app:lock:activity', {}).catch(() => client.invalidateQueries({ queryKey: STATUS_KEY }));
    };
    for (const type of INPUT_EVENTS) window.addEventListener(type, report, { passive: true });
    return () => {
      for (const type of INPUT_EVENTS) window.removeEventListener(type, report);
    };
  }, [reporting, client]);

  // Nothing until the core has said whether it is locked (a locked start never flashes the app);
  // if the status cannot be read at all, the app shows, and says why.
  if (status.isPending) return null;
  return locked ? <LockScreen /> : children;
}

function LockScreen() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [password, setPassword] = useState('');
  const unlock = useMutation({
    mutationFn: () => call('app:lock:unlock', { password }),
    onSuccess: () => client.invalidateQueries(),
    onSettled: () => setPassword(''),
  });
  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" w={380} maw="100%" component="main">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            unlock.mutate();
          }}
        >
          <Stack>
            <Center>
              <IconLock size={40} aria-hidden />
            </Center>
            <Title order={1} size="h3" ta="center">
              {t('lock.title')}
            </Title>
            <Text size="sm" c="dimmed" ta="center">
              {t('lock.hint')}
            </Text>
            <PasswordInput
              label={t('lock.password')}
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
              autoComplete="current-password"
              data-autofocus
              autoFocus
            />
            <ErrorAlert error={unlock.error} />
            <Button type="submit" loading={unlock.isPending} disabled={password.length === 0}>
              {t('lock.unlock')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
