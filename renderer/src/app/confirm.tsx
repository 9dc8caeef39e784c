import { ActionIcon, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import i18n from '../i18n';

/** Asks before a change that matters (delete, deactivate …); `body` as a sentence or richer content. */
export function confirmAction(options: {
  title: string;
  body: ReactNode;
  confirm: string;
  /** 'red' for what cannot be undone, 'orange' for a warning; none for a plain confirmation. */
  color?: 'red' | 'orange';
  onConfirm(): void;
}) {
  modals.openConfirmModal({
    title: options.title,
    children: typeof options.body === 'string' ? <Text size="sm">{options.body}</Text> : options.body,
    labels: { confirm: options.confirm, cancel: i18n.t('common.cancel') },
    confirmProps: options.color ? { color: options.color } : {},
    onConfirm: options.onConfirm,
  });
}

/** The trash-can button of a list row: names what it deletes, and asks before deleting it. */
export function DeleteButton({ label, body, onConfirm }: { label: string; body: string; onConfirm(): void }) {
  return (
    <ActionIcon
      variant="subtle"
      color="red"
      aria-label={label}
      onClick={() =>
        confirmAction({
          title: label,
          body,
          confirm: i18n.t('common.delete'),
          color: 'red',
          onConfirm,
        })
      }
    >
      <IconTrash size={16} />
    </ActionIcon>
  );
}
