import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { AccountNamesSchema, type AccountNames, type TotpAccount } from '../../../../shared/ipc/contract';
import { OTP_LIMITS } from '../../../../shared/otp/limits';
import { ErrorAlert } from '../../app/ErrorAlert';
import { useUpdateAccount } from './queries';

/** Rename an account (issuer and account name); the secret and settings stay as they are. */
export function EditAccountModal({ account, onClose }: { account: TotpAccount | null; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={account !== null} onClose={onClose} title={t('auth.editTitle')}>
      {account && <EditForm key={account.id} account={account} onClose={onClose} />}
    </Modal>
  );
}

function EditForm({ account, onClose }: { account: TotpAccount; onClose(): void }) {
  const { t } = useTranslation();
  const update = useUpdateAccount();
  const { register, handleSubmit, formState } = useForm<AccountNames>({
    resolver: zodResolver(AccountNamesSchema),
    defaultValues: { issuer: account.issuer, accountName: account.accountName },
  });
  const { errors } = formState;
  return (
    <form
      noValidate
      onSubmit={handleSubmit((values) =>
        update.mutate({ id: account.id, ...values }, { onSuccess: onClose }),
      )}
    >
      <Stack>
        <TextInput
          label={t('add.issuer')}
          {...register('issuer')}
          error={errors.issuer && t('form.tooLong', { max: OTP_LIMITS.issuerMaxLength })}
          data-autofocus
        />
        <TextInput
          label={t('add.accountName')}
          withAsterisk
          {...register('accountName')}
          error={
            errors.accountName &&
            (errors.accountName.type === 'too_big'
              ? t('form.tooLong', { max: OTP_LIMITS.accountNameMaxLength })
              : t('form.required'))
          }
        />
        <ErrorAlert error={update.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('auth.cancel')}
          </Button>
          <Button type="submit" loading={update.isPending}>
            {t('auth.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
