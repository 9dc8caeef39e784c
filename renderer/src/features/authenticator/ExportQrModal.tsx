import { Alert, Button, Center, Group, Image, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TotpAccount } from '../../../../shared/ipc/contract';
import { call } from '../../api/client';
import { ErrorAlert } from '../../app/ErrorAlert';

function accountName(account: TotpAccount): string {
  return account.issuer ? `${account.issuer} (${account.accountName})` : account.accountName;
}

/**
 * Shows one account as a QR code to move it to a phone: a warning first, the image only after an
 * explicit "show", and gone again as soon as the dialog closes (it is never cached).
 */
export function ExportQrModal({ account, onClose }: { account: TotpAccount | null; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={account !== null} onClose={onClose} title={t('export.title')}>
      {account && <ExportBody key={account.id} account={account} onClose={onClose} />}
    </Modal>
  );
}

function ExportBody({ account, onClose }: { account: TotpAccount; onClose(): void }) {
  const { t } = useTranslation();
  const name = accountName(account);
  const reveal = useMutation({
    mutationFn: () => call('totp:account:export-qr', { id: account.id, confirm: true }),
    gcTime: 0,
  });
  return (
    <Stack>
      <Alert color="orange" icon={<IconAlertTriangle />} role="note">
        {t('export.warning', { name })}
      </Alert>
      {reveal.data ? (
        <Center>
          <Image src={reveal.data.png} alt={t('export.imageAlt', { name })} w={280} h={280} />
        </Center>
      ) : (
        <Text size="sm">{t('export.howTo')}</Text>
      )}
      <ErrorAlert error={reveal.error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {reveal.data ? t('export.done') : t('auth.cancel')}
        </Button>
        {!reveal.data && (
          <Button color="orange" onClick={() => reveal.mutate()} loading={reveal.isPending}>
            {t('export.reveal')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
