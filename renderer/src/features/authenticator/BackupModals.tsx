import {
  Alert,
  Button,
  Checkbox,
  FileInput,
  Group,
  List,
  Modal,
  PasswordInput,
  Stack,
  Text,
} from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MigrationPreview } from '../../../../shared/ipc/contract';
import { OTP_LIMITS } from '../../../../shared/otp/limits';
import { call } from '../../api/client';
import { downloadText } from '../../app/download';
import { ErrorAlert } from '../../app/ErrorAlert';
import { PreviewList } from './scan/MigrationImport';

export function CreateBackupModal({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const create = useMutation({
    mutationFn: () => call('totp:backup:create', { password }),
    onSuccess: ({ fileName, content }) => {
      downloadText(fileName, content, 'application/json');
      notifications.show({ color: 'green', message: t('backup.created', { fileName }) });
      close();
    },
  });
  const close = () => {
    setPassword('');
    setRepeat('');
    create.reset();
    onClose();
  };
  const tooShort = password.length > 0 && password.length < OTP_LIMITS.backupPasswordMin;
  const mismatch = repeat.length > 0 && repeat !== password;
  return (
    <Modal opened={opened} onClose={close} title={t('backup.createTitle')}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate();
        }}
      >
        <Stack>
          <Text size="sm">{t('backup.createBody')}</Text>
          <PasswordInput
            label={t('backup.password')}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={tooShort && t('backup.passwordShort', { min: OTP_LIMITS.backupPasswordMin })}
            autoComplete="new-password"
            data-autofocus
          />
          <PasswordInput
            label={t('backup.repeat')}
            value={repeat}
            onChange={(e) => setRepeat(e.currentTarget.value)}
            error={mismatch && t('backup.mismatch')}
            autoComplete="new-password"
          />
          <ErrorAlert error={create.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('auth.cancel')}
            </Button>
            <Button
              type="submit"
              loading={create.isPending}
              disabled={password.length < OTP_LIMITS.backupPasswordMin || repeat !== password}
            >
              {t('backup.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/**
 * Every account as a plain otpauth:// link, one per line: for moving to an app that reads such a
 * list. Unlike a backup the file is not encrypted, so the person must tick that they understand.
 */
export function PlainExportModal({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const [understood, setUnderstood] = useState(false);
  const exportPlain = useMutation({
    mutationFn: () => call('totp:export:plain', { confirm: true }),
    gcTime: 0,
    onSuccess: ({ fileName, content }) => {
      downloadText(fileName, content, 'text/plain');
      notifications.show({ color: 'orange', message: t('backup.plainSaved', { fileName }) });
      close();
    },
  });
  const close = () => {
    setUnderstood(false);
    exportPlain.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={t('backup.plainTitle')}>
      <Stack>
        <Alert color="orange" icon={<IconAlertTriangle />} role="note">
          {t('backup.plainWarning')}
        </Alert>
        <List size="sm" spacing={4}>
          <List.Item>{t('backup.plainAnyone')}</List.Item>
          <List.Item>{t('backup.plainPrefer')}</List.Item>
          <List.Item>{t('backup.plainDelete')}</List.Item>
        </List>
        <Checkbox
          label={t('backup.plainUnderstand')}
          checked={understood}
          onChange={(e) => setUnderstood(e.currentTarget.checked)}
          required
        />
        <ErrorAlert error={exportPlain.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('auth.cancel')}
          </Button>
          <Button
            color="orange"
            onClick={() => exportPlain.mutate()}
            loading={exportPlain.isPending}
            disabled={!understood}
          >
            {t('backup.plainExport')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function RestoreBackupModal({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [password, setPassword] = useState('');
  const [preview, setPreview] = useState<MigrationPreview | null>(null);
  const open = useMutation({
    mutationFn: async () =>
      call('totp:file:preview', { content: await file!.text(), ...(password ? { password } : {}) }),
    onSuccess: setPreview,
  });
  const close = () => {
    setFile(null);
    setPassword('');
    setPreview(null);
    open.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={t('backup.restoreTitle')} size="lg">
      {preview ? (
        <PreviewList
          key={preview.batchId}
          preview={preview}
          title={t('backup.restoreList')}
          busy={false}
          onMoreImages={() => undefined}
          onDone={(count) => {
            notifications.show({ color: 'green', message: t('backup.restored', { count }) });
            close();
          }}
          onCancel={close}
        />
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            open.mutate();
          }}
        >
          <Stack>
            <Text size="sm">{t('backup.importBody')}</Text>
            <FileInput label={t('backup.file')} value={file} onChange={setFile} clearable />
            <PasswordInput
              label={t('backup.importPassword')}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              autoComplete="current-password"
            />
            <ErrorAlert error={open.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('auth.cancel')}
              </Button>
              <Button type="submit" loading={open.isPending} disabled={!file}>
                {t('backup.open')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
