import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './ErrorAlert';

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

/** A settings card's footer: what went wrong with the last save, and Save (a form submit). */
export function SaveActions({ error, loading }: { error: unknown; loading: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <ErrorAlert error={error} />
      <Group justify="flex-end">
        <Button type="submit" loading={loading}>
          {t('common.save')}
        </Button>
      </Group>
    </>
  );
}
