import {
  ActionIcon,
  Button,
  Center,
  Group,
  Loader,
  Menu,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDisclosure, useInterval } from '@mantine/hooks';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import {
  IconChevronDown,
  IconDatabaseExport,
  IconDatabaseImport,
  IconFileAlert,
  IconPlus,
  IconSearch,
  IconSettings,
} from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TotpAccount } from '../../../../shared/ipc/contract';
import { describeError, ErrorAlert } from '../../app/ErrorAlert';
import { useAppStatus } from '../../app/KeychainBanner';
import { AccountCard } from './AccountCard';
import { MENU_TEXT } from '../../app/theme';
import { AddAccountModal } from './AddAccountModal';
import { copyCode } from './clipboard';
import { ClockWarning } from './ClockWarning';
import { SettingsModal, useAuthenticatorSettings } from './SettingsModal';
import { CreateBackupModal, PlainExportModal, RestoreBackupModal } from './BackupModals';
import { EditAccountModal } from './EditAccountModal';
import { ExportQrModal } from './ExportQrModal';
import { useAccounts, useCodes, useDeleteAccount, useNextHotpCode, useReorderAccounts } from './queries';

function showError(error: unknown) {
  notifications.show({
    color: 'red',
    message: describeError(error),
  });
}

export function AuthenticatorPage() {
  const { t } = useTranslation();
  const status = useAppStatus();
  const keychainReady = status.data?.keychain.available === true;
  const accounts = useAccounts();
  const codes = useCodes();
  const remove = useDeleteAccount();
  const next = useNextHotpCode();
  const [adding, addModal] = useDisclosure(false);
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<TotpAccount | null>(null);
  const [exporting, setExporting] = useState<TotpAccount | null>(null);
  const [backupOpen, backupModal] = useDisclosure(false);
  const [restoreOpen, restoreModal] = useDisclosure(false);
  const [plainOpen, plainModal] = useDisclosure(false);
  const [settingsOpen, settingsModal] = useDisclosure(false);
  const settings = useAuthenticatorSettings();
  const reorder = useReorderAccounts();
  const move = (index: number, by: -1 | 1) => {
    const ids = (accounts.data ?? []).map((a) => a.id);
    const [moved] = ids.splice(index, 1);
    ids.splice(index + by, 0, moved!);
    reorder.mutate(ids, { onError: showError });
  };
  const [now, setNow] = useState(() => Date.now());
  const ticker = useInterval(() => setNow(Date.now()), 1000);
  useEffect(() => {
    ticker.start();
    return ticker.stop;
  }, [ticker]);

  const codeById = useMemo(() => new Map((codes.data ?? []).map((c) => [c.id, c])), [codes.data]);
  const visible = useMemo(() => {
    const needle = search.trim().toLocaleLowerCase();
    const list = accounts.data ?? [];
    return needle
      ? list.filter((a) => `${a.issuer} ${a.accountName}`.toLocaleLowerCase().includes(needle))
      : list;
  }, [accounts.data, search]);

  const confirmDelete = (account: TotpAccount) => {
    const name = account.issuer ? `${account.issuer} (${account.accountName})` : account.accountName;
    modals.openConfirmModal({
      title: t('auth.deleteTitle'),
      children: <Text size="sm">{t('auth.deleteBody', { name })}</Text>,
      labels: { confirm: t('auth.deleteConfirm'), cancel: t('auth.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        remove.mutate(account.id, {
          onSuccess: () => notifications.show({ message: t('auth.deleted', { name }) }),
          onError: showError,
        }),
    });
  };

  const onCopy = async (code: string) => {
    try {
      await copyCode(code, settings.clipboardClearSeconds);
      notifications.show({
        message: t('auth.copiedToast', { seconds: settings.clipboardClearSeconds }),
        autoClose: 2500,
      });
    } catch {
      notifications.show({ color: 'red', message: t('auth.copyFailed') });
    }
  };

  return (
    <Stack maw={760}>
      <Group justify="space-between">
        <Title order={2}>{t('auth.title')}</Title>
        <Group gap="xs">
          <Menu position="bottom-end">
            <Menu.Target>
              <Button
                variant="default"
                rightSection={<IconChevronDown size={14} />}
                disabled={!keychainReady}
              >
                {t('backup.menu')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item
                leftSection={<IconDatabaseExport size={16} />}
                onClick={backupModal.open}
                disabled={!accounts.data?.length}
              >
                {t('backup.createTitle')}
              </Menu.Item>
              <Menu.Item
                leftSection={<IconFileAlert size={16} />}
                color="orange"
                c={MENU_TEXT.orange}
                onClick={plainModal.open}
                disabled={!accounts.data?.length}
              >
                {t('backup.plainMenu')}
              </Menu.Item>
              <Menu.Item leftSection={<IconDatabaseImport size={16} />} onClick={restoreModal.open}>
                {t('backup.restoreTitle')}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
          <ActionIcon
            variant="default"
            size="lg"
            aria-label={t('auth.settings')}
            onClick={settingsModal.open}
            disabled={!keychainReady}
          >
            <IconSettings size={18} />
          </ActionIcon>
          <Button leftSection={<IconPlus size={16} />} onClick={addModal.open} disabled={!keychainReady}>
            {t('auth.add')}
          </Button>
        </Group>
      </Group>
      {keychainReady && <ClockWarning />}
      {((accounts.data?.length ?? 0) > 3 || search !== '') && (
        <TextInput
          aria-label={t('auth.search')}
          placeholder={t('auth.search')}
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
        />
      )}
      {!keychainReady ? null : accounts.isPending ? (
        <Center p="xl">
          <Loader aria-label={t('auth.loading')} />
        </Center>
      ) : accounts.isError ? (
        <ErrorAlert error={accounts.error} />
      ) : accounts.data && accounts.data.length === 0 ? (
        <Text c="dimmed">{t('auth.empty')}</Text>
      ) : visible.length === 0 ? (
        <Text c="dimmed">{t('auth.noMatch', { search })}</Text>
      ) : (
        <Stack component="ul" aria-label={t('auth.list')} gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
          {visible.map((account, index) => (
            <AccountCard
              key={account.id}
              account={account}
              code={codeById.get(account.id)}
              now={now}
              onCopy={onCopy}
              onNext={() => next.mutate(account.id, { onError: showError })}
              nextPending={next.isPending && next.variables === account.id}
              onDelete={() => confirmDelete(account)}
              onEdit={() => setEditing(account)}
              onExport={() => setExporting(account)}
              // Moving is about the whole list: not while a search shows only part of it.
              onMoveUp={search === '' && index > 0 ? () => move(index, -1) : undefined}
              onMoveDown={search === '' && index < visible.length - 1 ? () => move(index, 1) : undefined}
            />
          ))}
        </Stack>
      )}
      <AddAccountModal opened={adding} onClose={addModal.close} />
      <EditAccountModal account={editing} onClose={() => setEditing(null)} />
      <ExportQrModal account={exporting} onClose={() => setExporting(null)} />
      <CreateBackupModal opened={backupOpen} onClose={backupModal.close} />
      <PlainExportModal opened={plainOpen} onClose={plainModal.close} />
      <SettingsModal opened={settingsOpen} onClose={settingsModal.close} />
      <RestoreBackupModal opened={restoreOpen} onClose={restoreModal.close} />
    </Stack>
  );
}
