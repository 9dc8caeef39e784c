import { ActionIcon, Button, Card, Group, RingProgress, Stack, Text, Tooltip } from '@mantine/core';
import {
  IconArrowDown,
  IconArrowUp,
  IconCheck,
  IconCopy,
  IconPencil,
  IconPlayerTrackNext,
  IconQrcode,
  IconTrash,
} from '@tabler/icons-react';
import { useTimeout } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TotpAccount, TotpCode } from '../../../../shared/ipc/contract';
import { IssuerIcon } from './IssuerIcon';

/** "123456" → "123 456", "12345678" → "1234 5678": easier to read and retype. */
export function groupDigits(code: string): string {
  const half = Math.ceil(code.length / 2);
  return code.length >= 6 ? `${code.slice(0, half)} ${code.slice(half)}` : code;
}

interface Props {
  account: TotpAccount;
  code: TotpCode | undefined;
  now: number;
  onCopy(code: string): Promise<void>;
  onNext(): void;
  onDelete(): void;
  onEdit(): void;
  onExport(): void;
  /** Absent where the account cannot move that way (first, last, or while a search filters the list). */
  onMoveUp?: (() => void) | undefined;
  onMoveDown?: (() => void) | undefined;
  nextPending: boolean;
}

export function AccountCard({
  account,
  code,
  now,
  onCopy,
  onNext,
  onDelete,
  onEdit,
  onExport,
  onMoveUp,
  onMoveDown,
  nextPending,
}: Props) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  // Mantine's timer is cleared when the card unmounts (say, right after a delete).
  const resetCopied = useTimeout(() => setCopied(false), 1500);
  const name = account.issuer ? `${account.issuer} (${account.accountName})` : account.accountName;
  const secondsLeft = code?.validUntil ? Math.max(0, Math.ceil((code.validUntil - now) / 1000)) : null;
  const fraction = secondsLeft === null ? 0 : (secondsLeft / account.period) * 100;
  const copy = async () => {
    if (!code) return;
    await onCopy(code.code);
    setCopied(true);
    resetCopied.start();
  };

  return (
    <Card withBorder padding="md" component="li" aria-label={name}>
      <Group justify="space-between" wrap="nowrap" align="center">
        <IssuerIcon issuer={account.issuer} name={account.issuer || account.accountName} />
        {/* flex: 1 keeps the buttons at the right edge now that the icon comes first. */}
        <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
          <Text fw={600} truncate>
            {account.issuer || account.accountName}
          </Text>
          {account.issuer && (
            <Text size="sm" c="dimmed" truncate>
              {account.accountName}
            </Text>
          )}
          <Text
            component="output"
            aria-label={t('auth.code', { name })}
            ff="monospace"
            fz={28}
            fw={700}
            lts={1}
            c={code ? undefined : 'dimmed'}
            // <output> is a live region; codes change every period and must not be read out each time.
            aria-live="off"
          >
            {code ? groupDigits(code.code) : t('auth.noSecret')}
          </Text>
          {account.type === 'hotp' && (
            <Text size="xs" c="dimmed">
              {t('auth.counter', { counter: account.counter ?? 0 })}
            </Text>
          )}
        </Stack>
        <Group gap="xs" wrap="nowrap">
          {secondsLeft !== null && (
            <RingProgress
              size={44}
              thickness={4}
              roundCaps
              sections={[{ value: fraction, color: secondsLeft <= 5 ? 'red' : 'indigo' }]}
              label={
                <Text
                  ta="center"
                  size="xs"
                  role="timer"
                  aria-live="off"
                  aria-label={t('auth.secondsLeft', { count: secondsLeft })}
                >
                  {secondsLeft}
                </Text>
              }
            />
          )}
          {account.type === 'hotp' && (
            <Button
              variant="light"
              size="xs"
              leftSection={<IconPlayerTrackNext size={14} />}
              onClick={onNext}
              loading={nextPending}
            >
              {t('auth.nextCode')}
            </Button>
          )}
          <Tooltip label={copied ? t('auth.copied') : t('auth.copy')}>
            <ActionIcon
              variant="light"
              size="lg"
              aria-label={t('auth.copyNamed', { name })}
              onClick={() => void copy()}
              disabled={!code}
            >
              {copied ? <IconCheck size={18} /> : <IconCopy size={18} />}
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t('auth.exportQr', { name })}>
            <ActionIcon
              variant="subtle"
              size="lg"
              aria-label={t('auth.exportQr', { name })}
              onClick={onExport}
              disabled={!code}
            >
              <IconQrcode size={18} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t('auth.edit', { name })}>
            <ActionIcon variant="subtle" size="lg" aria-label={t('auth.edit', { name })} onClick={onEdit}>
              <IconPencil size={18} />
            </ActionIcon>
          </Tooltip>
          <ActionIcon.Group orientation="vertical">
            <ActionIcon
              variant="subtle"
              size="sm"
              aria-label={t('auth.moveUp', { name })}
              onClick={onMoveUp}
              disabled={!onMoveUp}
            >
              <IconArrowUp size={14} />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              size="sm"
              aria-label={t('auth.moveDown', { name })}
              onClick={onMoveDown}
              disabled={!onMoveDown}
            >
              <IconArrowDown size={14} />
            </ActionIcon>
          </ActionIcon.Group>
          <Tooltip label={t('auth.delete', { name })}>
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              aria-label={t('auth.delete', { name })}
              onClick={onDelete}
            >
              <IconTrash size={18} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
    </Card>
  );
}
