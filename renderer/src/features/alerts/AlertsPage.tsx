import {
  Alert as Callout,
  Badge,
  Button,
  Card,
  Checkbox,
  Code,
  Group,
  NumberInput,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  SMTP_TLS_MODES,
  SmtpSettingsInputSchema,
  type Alert,
  type AlertDelivery,
  type AlertRule,
  type MailTestResult,
  type SmtpSettings,
  type SmtpSettingsInput,
} from '../../../../shared/admin/alerts';
import { Email } from '../../../../shared/admin/schemas';
import { SaveActions } from '../../app/FormActions';
import { ErrorAlert } from '../../app/ErrorAlert';
import { useAdminMutation, useAdminQuery } from '../admin/api';
import { BrowserNotifications } from './AlertNotifier';

/** C4, C5: the alert centre, the two rules, and the mail server alerts (and welcome emails) go through. */
export function AlertsPage() {
  const { t } = useTranslation();
  return (
    <Stack maw={1100}>
      <Title order={2}>{t('alerts.title')}</Title>
      <AlertCentre />
      <Rules />
      <MailServer />
      <BrowserNotifications />
    </Stack>
  );
}

export function useDateTime() {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (ms: number) => format.format(new Date(ms));
}

function AlertCentre() {
  const { t } = useTranslation();
  const alerts = useAdminQuery('alerts:alert:list', {});
  const acknowledge = useAdminMutation('alerts:alert:acknowledge');
  const when = useDateTime();
  const open = alerts.data?.filter((alert) => alert.acknowledgedAt === null).length ?? 0;
  return (
    <Card withBorder>
      <Stack>
        <Group justify="space-between">
          <Title order={3} size="h4">
            {t('alerts.centre')}
          </Title>
          {open > 0 && (
            <Badge color="orange" variant="light">
              {t('alerts.unacknowledged', { count: open })}
            </Badge>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {t('alerts.centreHelp')}
        </Text>
        <ErrorAlert error={alerts.error ?? acknowledge.error} />
        {alerts.data?.length === 0 ? (
          <Text c="dimmed">{t('alerts.empty')}</Text>
        ) : (
          // A list of cards rather than a table: five columns do not fit a narrow window.
          <Stack
            component="ul"
            aria-label={t('alerts.centre')}
            gap="sm"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
          >
            {alerts.data?.map((alert) => (
              <Card
                key={alert.id}
                component="li"
                withBorder
                padding="sm"
                aria-label={alert.certificate.subject}
              >
                <Group justify="space-between" align="flex-start" wrap="nowrap">
                  <div style={{ minWidth: 0 }}>
                    <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                      {alert.certificate.subject}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {alert.certificate.use === 'sp'
                        ? t('alerts.useSp')
                        : t('alerts.useIdp', { names: alert.certificate.idpNames.join(', ') })}
                    </Text>
                  </div>
                  <DaysLeft alert={alert} />
                </Group>
                <SimpleGrid cols={{ base: 1, md: 3 }} mt="xs" spacing="sm">
                  <div>
                    <Text size="xs" c="dimmed">
                      {t('alerts.raised')}
                    </Text>
                    <Text size="sm">{when(alert.createdAt)}</Text>
                    <Text size="xs" c="dimmed">
                      {alert.threshold === 0
                        ? t('alerts.thresholdExpiry')
                        : t('alerts.threshold', { days: alert.threshold })}
                    </Text>
                  </div>
                  <div>
                    <Text size="xs" c="dimmed">
                      {t('alerts.delivery')}
                    </Text>
                    <Stack gap={6}>
                      {alert.deliveries.map((delivery) => (
                        <Delivery key={delivery.channel} delivery={delivery} />
                      ))}
                    </Stack>
                  </div>
                  <div>
                    <Text size="xs" c="dimmed">
                      {t('alerts.acknowledgedColumn')}
                    </Text>
                    {alert.acknowledgedAt !== null ? (
                      <Text size="sm">{when(alert.acknowledgedAt)}</Text>
                    ) : (
                      <Button
                        size="xs"
                        variant="light"
                        aria-label={t('alerts.acknowledgeNamed', { subject: alert.certificate.subject })}
                        onClick={() => acknowledge.mutate({ id: alert.id })}
                      >
                        {t('alerts.acknowledge')}
                      </Button>
                    )}
                  </div>
                </SimpleGrid>
              </Card>
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

function DaysLeft({ alert }: { alert: Alert }) {
  const { t } = useTranslation();
  return alert.daysLeft <= 0 ? (
    <Badge color="red" style={{ flexShrink: 0 }}>
      {t('alerts.expired')}
    </Badge>
  ) : (
    <Badge
      color={alert.daysLeft <= 15 ? 'red' : alert.daysLeft <= 30 ? 'orange' : 'yellow'}
      variant="light"
      style={{ flexShrink: 0 }}
    >
      {t('alerts.days', { count: alert.daysLeft })}
    </Badge>
  );
}

const STATUS_COLOR: Record<AlertDelivery['status'], string> = {
  pending: 'gray',
  delivered: 'green',
  failed: 'red',
  cancelled: 'gray',
};

function Delivery({ delivery }: { delivery: AlertDelivery }) {
  const { t } = useTranslation();
  const when = useDateTime();
  const note =
    delivery.status === 'delivered' && delivery.deliveredAt !== null
      ? t('alerts.deliveredAt', { time: when(delivery.deliveredAt) })
      : delivery.status === 'pending' && delivery.channel === 'notification'
        ? t('alerts.waitingForWindow')
        : delivery.status === 'failed' && delivery.nextAttemptAt !== null
          ? `${t('alerts.retryAt', { count: delivery.attempts, time: when(delivery.nextAttemptAt) })} ${delivery.lastError ?? ''}`
          : delivery.lastError;
  return (
    <div>
      <Badge
        color={STATUS_COLOR[delivery.status]}
        variant={delivery.status === 'failed' ? 'filled' : 'light'}
      >
        {t(`alerts.channel.${delivery.channel}`)}: {t(`alerts.status.${delivery.status}`)}
      </Badge>
      {delivery.recipients.length > 0 && (
        <Text size="xs" c="dimmed">
          {delivery.recipients.join(', ')}
        </Text>
      )}
      {note && (
        <Text size="xs" c={delivery.status === 'failed' ? 'red' : 'dimmed'}>
          {note}
        </Text>
      )}
    </div>
  );
}

function Rules() {
  const { t } = useTranslation();
  const rules = useAdminQuery('alerts:rule:list', {});
  return (
    <Card withBorder>
      <Stack>
        <Title order={3} size="h4">
          {t('alerts.rules')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('alerts.rulesHelp')}
        </Text>
        <ErrorAlert error={rules.error} />
        {rules.data?.map((rule) => (
          <RuleForm key={JSON.stringify(rule)} rule={rule} />
        ))}
      </Stack>
    </Card>
  );
}

function RuleForm({ rule }: { rule: AlertRule }) {
  const { t } = useTranslation();
  const save = useAdminMutation('alerts:rule:set');
  const [value, setValue] = useState(rule);
  const [invalid, setInvalid] = useState<string | null>(null);
  const name = t(`alerts.rule.${rule.rule}`);
  return (
    <Card withBorder padding="md" component="section" aria-label={name}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const bad = value.recipients.find((address) => !Email.safeParse(address).success);
          if (bad) {
            setInvalid(t('alerts.recipientsInvalid', { value: bad }));
            return;
          }
          setInvalid(null);
          save
            .mutateAsync(value)
            .then(() => notifications.show({ color: 'green', message: t('alerts.ruleSaved') }))
            .catch(() => undefined);
        }}
      >
        <Stack gap="sm">
          <Switch
            label={name}
            description={t(`alerts.ruleHelp.${rule.rule}`)}
            checked={value.enabled}
            onChange={(e) => setValue({ ...value, enabled: e.currentTarget.checked })}
          />
          <Group>
            <Checkbox
              label={t('alerts.byNotification')}
              aria-label={`${name}: ${t('alerts.byNotification')}`}
              checked={value.notification}
              disabled={!value.enabled}
              onChange={(e) => setValue({ ...value, notification: e.currentTarget.checked })}
            />
            <Checkbox
              label={t('alerts.byEmail')}
              aria-label={`${name}: ${t('alerts.byEmail')}`}
              checked={value.email}
              disabled={!value.enabled}
              onChange={(e) => setValue({ ...value, email: e.currentTarget.checked })}
            />
          </Group>
          {value.email && value.enabled && (
            <TagsInput
              label={`${name}: ${t('alerts.recipients')}`}
              description={t('alerts.recipientsHint')}
              value={value.recipients}
              onChange={(recipients) => setValue({ ...value, recipients: recipients.map((r) => r.trim()) })}
              error={invalid}
              maxTags={20}
              splitChars={[',', ' ', ';']}
            />
          )}
          <SaveActions error={save.error} loading={save.isPending} />
        </Stack>
      </form>
    </Card>
  );
}

function MailServer() {
  const { t } = useTranslation();
  const settings = useAdminQuery('alerts:smtp:get', {});
  return (
    <Card withBorder>
      <Stack>
        <Title order={3} size="h4">
          {t('alerts.email')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('alerts.emailHelp')}
        </Text>
        <ErrorAlert error={settings.error} />
        {settings.data === null && (
          <Callout color="yellow" variant="light">
            {t('alerts.notConfigured')}
          </Callout>
        )}
        {settings.data !== undefined && (
          <MailServerForm key={settings.data?.updatedAt ?? 'new'} saved={settings.data} />
        )}
      </Stack>
    </Card>
  );
}

function MailServerForm({ saved }: { saved: SmtpSettings | null }) {
  const { t } = useTranslation();
  const save = useAdminMutation('alerts:smtp:set');
  const test = useAdminMutation('alerts:smtp:test');
  const [testTo, setTestTo] = useState(saved?.fromAddress ?? '');
  const [result, setResult] = useState<MailTestResult | null>(null);
  const { register, control, handleSubmit, formState, getValues, trigger } = useForm<SmtpSettingsInput>({
    resolver: zodResolver(SmtpSettingsInputSchema),
    defaultValues: {
      host: saved?.host ?? '',
      port: saved?.port ?? 587,
      tls: saved?.tls ?? 'starttls',
      username: saved?.username ?? '',
      password: '',
      clearPassword: false,
      fromAddress: saved?.fromAddress ?? '',
    },
  });
  const { errors } = formState;
  const sendTest = async () => {
    setResult(null);
    if (!(await trigger())) return;
    const to = Email.safeParse(testTo);
    if (!to.success) return;
    test
      .mutateAsync({ smtp: SmtpSettingsInputSchema.parse(getValues()), to: to.data })
      .then(setResult)
      .catch(() => undefined);
  };
  return (
    <form
      noValidate
      onSubmit={handleSubmit((values) =>
        save
          .mutateAsync(values)
          .then(() => notifications.show({ color: 'green', message: t('alerts.emailSaved') }))
          .catch(() => undefined),
      )}
    >
      <Stack>
        <SimpleGrid cols={{ base: 1, lg: 3 }}>
          <TextInput
            label={t('alerts.host')}
            placeholder="smtp.example.com"
            withAsterisk
            {...register('host')}
            error={errors.host && t('form.required')}
          />
          <Controller
            control={control}
            name="port"
            render={({ field }) => (
              <NumberInput
                label={t('alerts.port')}
                min={1}
                max={65535}
                value={field.value}
                onChange={(value) => field.onChange(typeof value === 'number' ? value : Number(value))}
                error={errors.port && t('form.range', { min: 1, max: 65535 })}
              />
            )}
          />
          <Controller
            control={control}
            name="tls"
            render={({ field }) => (
              <Select
                label={t('alerts.tls')}
                data={SMTP_TLS_MODES.map((mode) => ({ value: mode, label: t(`alerts.tlsMode.${mode}`) }))}
                value={field.value}
                onChange={(value) => value && field.onChange(value)}
                allowDeselect={false}
                error={errors.tls && t('errors.mail.tlsRequired')}
              />
            )}
          />

          <TextInput
            label={t('alerts.username')}
            description={t('alerts.usernameHint')}
            autoComplete="off"
            {...register('username')}
          />
          <PasswordInput
            label={t('alerts.password')}
            description={saved?.hasPassword ? t('alerts.passwordStored') : undefined}
            autoComplete="new-password"
            {...register('password')}
          />
          <TextInput
            label={t('alerts.from')}
            placeholder="tessera@example.com"
            withAsterisk
            {...register('fromAddress')}
            error={errors.fromAddress && t('alerts.recipientsInvalid', { value: getValues('fromAddress') })}
          />
        </SimpleGrid>
        {saved?.hasPassword && (
          <Controller
            control={control}
            name="clearPassword"
            render={({ field }) => (
              <Checkbox
                label={t('alerts.clearPassword')}
                checked={field.value}
                onChange={(e) => field.onChange(e.currentTarget.checked)}
              />
            )}
          />
        )}
        <SaveActions error={save.error} loading={save.isPending} />
        <Group align="flex-end">
          <TextInput
            label={t('alerts.testTo')}
            value={testTo}
            onChange={(e) => setTestTo(e.currentTarget.value)}
            type="email"
            style={{ flex: 1 }}
          />
          <Button variant="default" loading={test.isPending} onClick={() => void sendTest()}>
            {t('alerts.sendTest')}
          </Button>
        </Group>
        <ErrorAlert error={test.error} />
        {result && <TestResult result={result} />}
      </Stack>
    </form>
  );
}

function TestResult({ result }: { result: MailTestResult }) {
  const { t } = useTranslation();
  return (
    <Callout
      color={result.ok ? 'green' : 'red'}
      variant="light"
      role="status"
      title={
        result.ok
          ? t('alerts.testOk')
          : `${t('alerts.testFailed')}: ${t(`alerts.problem.${result.problem ?? 'other'}`)}`
      }
    >
      <Stack gap={4}>
        <Text size="sm">{result.detail}</Text>
        {result.serverResponse && (
          <Text size="sm">
            {t('alerts.serverSaid')} <Code>{result.serverResponse}</Code>
          </Text>
        )}
      </Stack>
    </Callout>
  );
}
