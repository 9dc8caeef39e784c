/**
 * Turning the app lock on and off, its password, and the idle time after which Tessera locks itself.
 * Shown in the authenticator's settings. The password is checked by the core; the form only helps
 * (the same limits from shared/app/lock.ts, and "repeat" to catch a typo).
 */
import { Button, Divider, Group, PasswordInput, Select, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AUTO_LOCK_CHOICES, LOCK_PASSWORD_LIMITS, type LockStatus } from '../../../../shared/app/lock';
import { call } from '../../api/client';
import { ErrorAlert } from '../../app/ErrorAlert';
import { STATUS_KEY, useAppStatus } from '../../app/KeychainBanner';

export function AppLockSettings() {
  const { t } = useTranslation();
  const lock = useAppStatus().data?.lock ?? null;
  if (!lock) return null;
  return (
    <Stack gap="sm">
      <Divider />
      <Title order={2} size="h5">
        {t('lock.settingsTitle')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('lock.settingsHint')}
      </Text>
      {lock.enabled ? <LockOn lock={lock} /> : <PasswordForm enabled={false} />}
    </Stack>
  );
}

/** Stores what the core answered, so the header, gate and this form follow at once. */
function useLockChange<T>(run: (input: T) => Promise<LockStatus>, message?: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: STATUS_KEY });
      if (message) notifications.show({ color: 'green', message });
    },
  });
}

function LockOn({ lock }: { lock: LockStatus }) {
  const { t } = useTranslation();
  // A longer time (or none) weakens the lock: it waits here for the password.
  const [pending, setPending] = useState<number | null>(null);
  const [password, setPassword] = useState('');
  const autoLock = useLockChange((change: { minutes: number; password?: string }) =>
    call('app:lock:set-auto-lock', change).finally(() => setPassword('')),
  );
  const lockNow = useLockChange(() => call('app:lock:lock', {}));
  const weakens = (minutes: number) =>
    lock.autoLockMinutes !== 0 && (minutes === 0 || minutes > lock.autoLockMinutes);
  const choose = (minutes: number) => {
    autoLock.reset();
    if (weakens(minutes)) setPending(minutes);
    else {
      setPending(null);
      autoLock.mutate({ minutes });
    }
  };
  return (
    <Stack gap="sm">
      <Select
        label={t('lock.autoLock')}
        data={AUTO_LOCK_CHOICES.map((minutes) => ({
          value: String(minutes),
          label:
            minutes === 0
              ? t('lock.never')
              : minutes >= 60
                ? t('lock.hours', { count: minutes / 60 })
                : t('lock.minutes', { count: minutes }),
        }))}
        value={String(pending ?? lock.autoLockMinutes)}
        onChange={(value) => value !== null && choose(Number(value))}
        allowDeselect={false}
      />
      {pending !== null && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            autoLock.mutate({ minutes: pending, password }, { onSuccess: () => setPending(null) });
          }}
        >
          <Group align="flex-end" wrap="nowrap">
            <PasswordInput
              label={t('lock.confirmLonger')}
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
              autoComplete="current-password"
              style={{ flex: 1 }}
            />
            <Button type="submit" disabled={password.length === 0} loading={autoLock.isPending}>
              {t('lock.apply')}
            </Button>
          </Group>
        </form>
      )}
      <ErrorAlert error={autoLock.error} />
      <Group>
        <Button variant="default" onClick={() => lockNow.mutate(undefined)} loading={lockNow.isPending}>
          {t('lock.lockNow')}
        </Button>
      </Group>
      <PasswordForm enabled />
    </Stack>
  );
}

/** Off: choose a password. On: change it, or turn the lock off — both need the current one. */
function PasswordForm({ enabled }: { enabled: boolean }) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const clear = () => {
    setCurrent('');
    setNext('');
    setRepeat('');
  };
  const setPassword = useLockChange(
    () =>
      call('app:lock:set-password', {
        ...(enabled ? { currentPassword: current } : {}),
        newPassword: next,
      }).finally(clear),
    enabled ? t('lock.changed') : t('lock.turnedOn'),
  );
  const disable = useLockChange(
    () => call('app:lock:disable', { password: current }).finally(clear),
    t('lock.turnedOff'),
  );
  const tooShort = next.length > 0 && next.length < LOCK_PASSWORD_LIMITS.min;
  const mismatch = repeat.length > 0 && repeat !== next;
  const canSet =
    next.length >= LOCK_PASSWORD_LIMITS.min &&
    next.length <= LOCK_PASSWORD_LIMITS.max &&
    repeat === next &&
    (!enabled || current.length > 0);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (canSet) setPassword.mutate(undefined);
      }}
    >
      <Stack gap="sm">
        {enabled && (
          <PasswordInput
            label={t('lock.currentPassword')}
            value={current}
            onChange={(event) => setCurrent(event.currentTarget.value)}
            autoComplete="current-password"
          />
        )}
        <PasswordInput
          label={t('lock.newPassword')}
          value={next}
          onChange={(event) => setNext(event.currentTarget.value)}
          error={tooShort ? t('lock.tooShort', { min: LOCK_PASSWORD_LIMITS.min }) : undefined}
          autoComplete="new-password"
        />
        <PasswordInput
          label={t('lock.repeatPassword')}
          value={repeat}
          onChange={(event) => setRepeat(event.currentTarget.value)}
          error={mismatch ? t('lock.mismatch') : undefined}
          autoComplete="new-password"
        />
        <ErrorAlert error={setPassword.error ?? disable.error} />
        {/* Acts at once: beside its fields, not in the dialog's footer where Save is. */}
        <Group>
          {enabled && (
            <Button
              variant="default"
              color="red"
              disabled={current.length === 0}
              loading={disable.isPending}
              onClick={() => disable.mutate(undefined)}
            >
              {t('lock.turnOff')}
            </Button>
          )}
          <Button type="submit" disabled={!canSet} loading={setPassword.isPending}>
            {enabled ? t('lock.change') : t('lock.turnOn')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
