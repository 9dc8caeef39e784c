import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A dialog's footer: Cancel, and the action (a form submit, unless `onSubmit` is given). */
export function FormActions(props: {
  onCancel(): void;
  submitLabel: string;
  loading?: boolean;
  disabled?: boolean;
  color?: 'red';
  onSubmit?(): void;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={props.onCancel}>
        {t('common.cancel')}
      </Button>
      <Button
        type={props.onSubmit ? 'button' : 'submit'}
        onClick={props.onSubmit}
        color={props.color}
        loading={props.loading}
        disabled={props.disabled}
      >
        {props.submitLabel}
      </Button>
    </Group>
  );
}
