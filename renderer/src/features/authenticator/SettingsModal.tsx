import { Modal, NumberInput, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ntpServerFromText } from '../../../../shared/otp/clock-check';
import { CLIPBOARD_CLEAR_LIMITS, DEFAULT_AUTHENTICATOR_SETTINGS } from '../../../../shared/otp/settings';
import { CLOCK_KEY, ClockCheckLine } from './ClockWarning';
import { call } from '../../api/client';
import { ErrorAlert } from '../../app/ErrorAlert';
import { FormActions } from '../../app/FormActions';
import { AppLockSettings } from '../app-lock/AppLockSettings';
import classes from './SettingsModal.module.css';

const SETTINGS_KEY = ['totp', 'settings'] as const;

/** The authenticator's settings; the defaults until they are read. */
export function useAuthenticatorSettings() {
  const query = useQuery({ queryKey: SETTINGS_KEY, queryFn: () => call('totp:settings:get', {}) });
  return query.data ?? DEFAULT_AUTHENTICATOR_SETTINGS;
}

export function SettingsModal({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  return (
    // The dialog is never taller than the window (800 × 600 too): its body scrolls, and the one
    // Save stays in view at the bottom. The app lock's own buttons act at once, so they sit in
    // their section rather than competing with Save.
    <Modal opened={opened} onClose={onClose} title={t('auth.settingsTitle')} size="lg">
      {/* Mounted only while open, so each opening starts from the stored value. */}
      {opened && <SettingsForm onClose={onClose} />}
    </Modal>
  );
}

function SettingsForm({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const current = useAuthenticatorSettings();
  const [seconds, setSeconds] = useState<number>(current.clipboardClearSeconds);
  const [timeServer, setTimeServer] = useState(current.timeServer);
  const save = useMutation({
    mutationFn: () =>
      call('totp:settings:set', { clipboardClearSeconds: seconds, timeServer: timeServer.trim() }),
    onSuccess: (saved) => {
      client.setQueryData(SETTINGS_KEY, saved);
      // Another server (or none) answers differently: ask again.
      void client.invalidateQueries({ queryKey: CLOCK_KEY });
      notifications.show({ color: 'green', message: t('auth.settingsSaved') });
      onClose();
    },
  });
  const serverValid = timeServer.trim() === '' || ntpServerFromText(timeServer) !== null;
  const valid =
    serverValid &&
    Number.isInteger(seconds) &&
    seconds >= CLIPBOARD_CLEAR_LIMITS.min &&
    seconds <= CLIPBOARD_CLEAR_LIMITS.max;
  return (
    <Stack gap="lg">
      <Stack>
        <NumberInput
          label={t('auth.clipboardSeconds')}
          description={t('auth.clipboardSecondsHint', CLIPBOARD_CLEAR_LIMITS)}
          value={seconds}
          min={CLIPBOARD_CLEAR_LIMITS.min}
          max={CLIPBOARD_CLEAR_LIMITS.max}
          allowDecimal={false}
          onChange={(value) => setSeconds(typeof value === 'number' ? value : Number(value))}
        />
        <TextInput
          label={t('auth.timeServer')}
          description={t('auth.timeServerHint')}
          value={timeServer}
          onChange={(event) => setTimeServer(event.currentTarget.value)}
          error={serverValid ? undefined : t('errors.clock.badServer', { value: timeServer.trim() })}
          spellCheck={false}
        />
        <ClockCheckLine />
      </Stack>
      <AppLockSettings />
      <Stack gap="sm" className={classes.footer}>
        <ErrorAlert error={save.error} />
        <FormActions
          onCancel={onClose}
          submitLabel={t('common.save')}
          loading={save.isPending}
          disabled={!valid}
          onSubmit={() => save.mutate()}
        />
      </Stack>
    </Stack>
  );
}
