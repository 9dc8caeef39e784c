import { Text } from '@mantine/core';
import { modals } from '@mantine/modals';
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
