import {
  ActionIcon,
  Alert,
  Button,
  CopyButton,
  Group,
  Modal,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** A client secret the core just made, with the application it is for. Lives only in this modal. */
export interface ShownSecret {
  name: string;
  clientId: string;
  secret: string;
}

/**
 * A one-line input in monospace. Not at 14 px: there Chromium clips DejaVu Sans Mono's underscore
 * (the line box of an <input> is cut at the font's descent), and a secret or client ID with "_"
 * would read as if it had a space.
 */
export const MONO_INPUT = {
  input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 15 },
} as const;

/** A read-only value with its copy button (the client ID, the secret, the discovery URL). */
export function CopyField({
  label,
  value,
  secret = false,
  focus = false,
}: {
  label: string;
  value: string;
  secret?: boolean;
  /** Focused when its dialog opens. */
  focus?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={label}
      value={value}
      readOnly
      spellCheck={false}
      autoComplete="off"
      styles={MONO_INPUT}
      data-secret={secret || undefined}
      data-autofocus={focus || undefined}
      rightSection={
        <CopyButton value={value}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? t('common.copied') : t('common.copy')} withArrow>
              <ActionIcon
                variant="subtle"
                onClick={copy}
                aria-label={
                  copied ? t('apps.copiedNamed', { name: label }) : t('apps.copyNamed', { name: label })
                }
              >
                {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      }
    />
  );
}

/**
 * The one time a client secret is shown. It closes only by "I have copied it": a stray click or
 * Escape would lose it for good.
 */
export function SecretModal({ shown, onClose }: { shown: ShownSecret; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('apps.secret.title', { name: shown.name })}
      size="lg"
      withCloseButton={false}
      closeOnClickOutside={false}
      closeOnEscape={false}
    >
      <Stack>
        <Text size="sm">{t('apps.secret.intro')}</Text>
        <CopyField label={t('apps.clientId')} value={shown.clientId} />
        <CopyField label={t('apps.secret.label')} value={shown.secret} secret focus />
        <Alert
          color="orange"
          variant="light"
          icon={<IconAlertTriangle size={18} />}
          title={t('apps.secret.onceTitle')}
        >
          {t('apps.secret.once')}
        </Alert>
        <Group justify="flex-end">
          <Button onClick={onClose}>{t('apps.secret.done')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
