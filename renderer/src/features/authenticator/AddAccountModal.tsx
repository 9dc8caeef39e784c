import {
  Button,
  Collapse,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Tabs,
  TextInput,
  Textarea,
  UnstyledButton,
  Text,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { zodResolver } from '@hookform/resolvers/zod';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { useState } from 'react';
import { Controller, useForm, useWatch, type FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ManualAccountInputSchema, type ManualAccountInput } from '../../../../shared/ipc/contract';
import { OTP_ALGORITHMS, OTP_LIMITS } from '../../../../shared/otp/limits';
import { ErrorAlert } from '../../app/ErrorAlert';
import { useAddAccount } from './queries';
import { ScanPanel } from './scan/ScanPanel';

const DEFAULTS: ManualAccountInput = {
  kind: 'manual',
  issuer: '',
  accountName: '',
  secret: '',
  type: 'totp',
  algorithm: 'sha1',
  digits: 6,
  period: 30,
  counter: 0,
};

function useFieldMessage() {
  const { t } = useTranslation();
  return (error: FieldError | undefined, limits?: { min: number; max: number }, maxLength?: number) => {
    if (!error) return undefined;
    if (limits) return t('form.range', limits);
    if (error.type === 'too_big' && maxLength) return t('form.tooLong', { max: maxLength });
    return t('form.required');
  };
}

function UriForm({ onDone }: { onDone(name: string): void }) {
  const { t } = useTranslation();
  const add = useAddAccount();
  const [uri, setUri] = useState('');
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        add.mutate(
          { kind: 'uri', uri },
          { onSuccess: (account) => onDone(account.issuer || account.accountName) },
        );
      }}
    >
      <Stack>
        <Textarea
          label={t('add.uri')}
          description={t('add.uriHint')}
          placeholder="otpauth://totp/Example:alice@example.com?secret=…&issuer=Example"
          value={uri}
          onChange={(event) => {
            setUri(event.currentTarget.value);
            add.reset();
          }}
          autosize
          minRows={3}
          maxLength={OTP_LIMITS.uriMaxLength}
          required
          data-autofocus
          spellCheck={false}
          autoComplete="off"
        />
        <ErrorAlert error={add.error} />
        <Group justify="flex-end">
          <Button type="submit" loading={add.isPending} disabled={uri.trim() === ''}>
            {t('add.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ManualForm({ onDone }: { onDone(name: string): void }) {
  const { t } = useTranslation();
  const add = useAddAccount();
  const message = useFieldMessage();
  const [advanced, setAdvanced] = useState(false);
  const { register, control, handleSubmit, formState } = useForm<ManualAccountInput>({
    resolver: zodResolver(ManualAccountInputSchema),
    defaultValues: DEFAULTS,
  });
  const type = useWatch({ control, name: 'type' });
  const errors = formState.errors;
  // Opened by the person, or by a mistake inside it that they need to see.
  const showAdvanced = advanced || Boolean(errors.digits ?? errors.period ?? errors.counter);

  return (
    <form
      noValidate
      onSubmit={handleSubmit((values) =>
        add.mutate(values, { onSuccess: (account) => onDone(account.issuer || account.accountName) }),
      )}
    >
      <Stack>
        <TextInput
          label={t('add.issuer')}
          description={t('add.issuerHint')}
          {...register('issuer')}
          error={message(errors.issuer, undefined, OTP_LIMITS.issuerMaxLength)}
          autoComplete="off"
          data-autofocus
        />
        <TextInput
          label={t('add.accountName')}
          description={t('add.accountNameHint')}
          withAsterisk
          {...register('accountName')}
          error={message(errors.accountName, undefined, OTP_LIMITS.accountNameMaxLength)}
          autoComplete="off"
        />
        <TextInput
          label={t('add.secret')}
          description={t('add.secretHint')}
          withAsterisk
          {...register('secret')}
          error={message(errors.secret, undefined, OTP_LIMITS.secretMaxLength)}
          autoComplete="off"
          spellCheck={false}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        />
        <Controller
          control={control}
          name="type"
          render={({ field }) => (
            <Stack gap={4}>
              <Text size="sm" fw={500} id="otp-type-label">
                {t('add.type')}
              </Text>
              <SegmentedControl
                aria-labelledby="otp-type-label"
                value={field.value}
                onChange={(value) => field.onChange(value)}
                data={[
                  { value: 'totp', label: t('add.typeTotp') },
                  { value: 'hotp', label: t('add.typeHotp') },
                ]}
              />
            </Stack>
          )}
        />
        <UnstyledButton
          onClick={() => setAdvanced((v) => !v)}
          aria-expanded={showAdvanced}
          aria-controls="otp-advanced"
        >
          <Group gap={4}>
            {showAdvanced ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
            <Text size="sm">{t('add.advanced')}</Text>
          </Group>
        </UnstyledButton>
        <Collapse expanded={showAdvanced} id="otp-advanced">
          <Stack>
            <Group grow align="flex-start">
              <Controller
                control={control}
                name="algorithm"
                render={({ field }) => (
                  <Select
                    label={t('add.algorithm')}
                    data={OTP_ALGORITHMS.map((a) => ({ value: a, label: a.toUpperCase() }))}
                    value={field.value}
                    onChange={(value) => value && field.onChange(value)}
                    allowDeselect={false}
                  />
                )}
              />
              <Controller
                control={control}
                name="digits"
                render={({ field }) => (
                  <NumberInput
                    label={t('add.digits')}
                    min={OTP_LIMITS.digitsMin}
                    max={OTP_LIMITS.digitsMax}
                    allowDecimal={false}
                    value={field.value}
                    onChange={(value) => field.onChange(typeof value === 'number' ? value : NaN)}
                    error={message(errors.digits, { min: OTP_LIMITS.digitsMin, max: OTP_LIMITS.digitsMax })}
                  />
                )}
              />
            </Group>
            {type === 'totp' ? (
              <Controller
                control={control}
                name="period"
                render={({ field }) => (
                  <NumberInput
                    label={t('add.period')}
                    min={OTP_LIMITS.periodMin}
                    max={OTP_LIMITS.periodMax}
                    allowDecimal={false}
                    value={field.value}
                    onChange={(value) => field.onChange(typeof value === 'number' ? value : NaN)}
                    error={message(errors.period, { min: OTP_LIMITS.periodMin, max: OTP_LIMITS.periodMax })}
                  />
                )}
              />
            ) : (
              <Controller
                control={control}
                name="counter"
                render={({ field }) => (
                  <NumberInput
                    label={t('add.counter')}
                    min={0}
                    allowDecimal={false}
                    allowNegative={false}
                    value={field.value}
                    onChange={(value) => field.onChange(typeof value === 'number' ? value : NaN)}
                    error={message(errors.counter, { min: 0, max: OTP_LIMITS.counterMax })}
                  />
                )}
              />
            )}
          </Stack>
        </Collapse>
        <ErrorAlert error={add.error} />
        <Group justify="flex-end">
          <Button type="submit" loading={add.isPending}>
            {t('add.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function AddAccountModal({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const done = (name: string) => {
    notifications.show({ color: 'green', message: t('add.added', { name }) });
    onClose();
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('add.title')} size="lg">
      <Tabs defaultValue="scan" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="scan">{t('scan.tab')}</Tabs.Tab>
          <Tabs.Tab value="uri">{t('add.tabUri')}</Tabs.Tab>
          <Tabs.Tab value="manual">{t('add.tabManual')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="scan">
          <ScanPanel onDone={done} />
        </Tabs.Panel>
        <Tabs.Panel value="uri">
          <UriForm onDone={done} />
        </Tabs.Panel>
        <Tabs.Panel value="manual">
          <ManualForm onDone={done} />
        </Tabs.Panel>
      </Tabs>
    </Modal>
  );
}
