import {
  Alert,
  Button,
  Card,
  Checkbox,
  FileInput,
  Group,
  List,
  PasswordInput,
  Radio,
  Select,
  Stack,
  Stepper,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RolloverStart, SpRollover as Rollover } from '../../../../shared/admin/certificates';
import { SP_KEY_TYPES } from '../../../../shared/admin/schemas';
import { call } from '../../api/client';
import { ErrorAlert } from '../../app/ErrorAlert';
import { useAdminMutation } from '../admin/api';
import { download } from './CertificatesPage';

type Which = 'current' | 'next';

function Downloads({ which, label }: { which: Which; label: string }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs">
      <Text size="sm">{label}</Text>
      <Button
        size="xs"
        variant="default"
        leftSection={<IconDownload size={14} />}
        onClick={() =>
          void download(() => call('sso:sp-rollover:download', { what: 'metadata', which, signed: false }))
        }
      >
        {t('certs.rollover.metadataFile')}
      </Button>
      <Button
        size="xs"
        variant="default"
        leftSection={<IconDownload size={14} />}
        onClick={() =>
          void download(() => call('sso:sp-rollover:download', { what: 'certificate', which, signed: false }))
        }
      >
        {t('certs.rollover.certificateFile')}
      </Button>
    </Group>
  );
}

/**
 * C2: renew the SP certificate for every SAML IdP at once. Several certificates: publish the new
 * beside the old, confirm every IdP is updated, switch, finish. One certificate: schedule the switch.
 */
export function SpRollover({
  rollover,
  samlIdps,
}: {
  rollover: Rollover | null;
  samlIdps: { id: string; name: string }[];
}) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const switchSigning = useAdminMutation('sso:sp-rollover:switch');
  const finish = useAdminMutation('sso:sp-rollover:finish');
  const cancel = useAdminMutation('sso:sp-rollover:cancel');
  const [updated, setUpdated] = useState(false);
  const format = (ms: number) =>
    new Intl.DateTimeFormat(i18n.resolvedLanguage, { dateStyle: 'medium', timeStyle: 'short' }).format(
      new Date(ms),
    );

  if (!rollover && !open) {
    return (
      <Group>
        <Button onClick={() => setOpen(true)}>{t('certs.rollover.renew')}</Button>
      </Group>
    );
  }

  const active = !rollover ? 0 : rollover.phase === 'switched' ? 2 : 1;
  const idpList = (
    <List size="sm" aria-label={t('certs.rollover.idpsToUpdate')}>
      {samlIdps.map((idp) => (
        <List.Item key={idp.id}>{idp.name}</List.Item>
      ))}
    </List>
  );

  return (
    <Card withBorder component="section" aria-label={t('certs.rollover.title')}>
      <Title order={4} mb="sm">
        {t('certs.rollover.title')}
      </Title>
      <Stepper active={active} size="sm" allowNextStepsSelect={false} orientation="horizontal">
        <Stepper.Step label={t('certs.rollover.stepChoose')}>
          <StartForm onCancel={() => setOpen(false)} />
        </Stepper.Step>
        <Stepper.Step
          label={
            rollover?.mode === 'single' ? t('certs.rollover.stepSchedule') : t('certs.rollover.stepPublish')
          }
        >
          {rollover?.mode === 'single' ? (
            <Stack>
              <Alert color="blue">
                {t('certs.rollover.scheduledBody', { time: format(rollover.switchAt ?? 0) })}
              </Alert>
              <Downloads which="next" label={t('certs.rollover.newFiles')} />
              <Text size="sm">{t('certs.rollover.updateEach')}</Text>
              {idpList}
              <ErrorAlert error={switchSigning.error ?? cancel.error} />
              <Group justify="space-between">
                <Button
                  variant="default"
                  color="red"
                  onClick={() => cancel.mutate({ confirm: true })}
                  loading={cancel.isPending}
                >
                  {t('certs.rollover.cancel')}
                </Button>
                <Button
                  onClick={() => switchSigning.mutate({ confirm: true })}
                  loading={switchSigning.isPending}
                >
                  {t('certs.rollover.switchNow')}
                </Button>
              </Group>
            </Stack>
          ) : (
            <Stack>
              <Text size="sm">{t('certs.rollover.publishBody')}</Text>
              <Downloads which="current" label={t('certs.rollover.bothFiles')} />
              <Text size="sm">{t('certs.rollover.updateEach')}</Text>
              {idpList}
              <Checkbox
                checked={updated}
                onChange={(e) => setUpdated(e.currentTarget.checked)}
                label={t('certs.rollover.allUpdated', { count: samlIdps.length })}
              />
              <ErrorAlert error={switchSigning.error ?? cancel.error} />
              <Group justify="space-between">
                <Button
                  variant="default"
                  color="red"
                  onClick={() => cancel.mutate({ confirm: true })}
                  loading={cancel.isPending}
                >
                  {t('certs.rollover.cancel')}
                </Button>
                <Button
                  disabled={!updated}
                  onClick={() =>
                    switchSigning.mutate(
                      { confirm: true },
                      { onSuccess: () => notifications.show({ message: t('certs.rollover.switched') }) },
                    )
                  }
                  loading={switchSigning.isPending}
                >
                  {t('certs.rollover.switch')}
                </Button>
              </Group>
            </Stack>
          )}
        </Stepper.Step>
        {rollover?.mode !== 'single' && (
          <Stepper.Step label={t('certs.rollover.stepFinish')}>
            <Stack>
              <Text size="sm">{t('certs.rollover.finishBody')}</Text>
              <Downloads which="current" label={t('certs.rollover.currentFiles')} />
              <ErrorAlert error={finish.error} />
              <Group justify="flex-end">
                <Button
                  onClick={() =>
                    finish.mutate(
                      { confirm: true },
                      {
                        onSuccess: () => {
                          setOpen(false);
                          setUpdated(false);
                          notifications.show({ color: 'green', message: t('certs.rollover.finished') });
                        },
                      },
                    )
                  }
                  loading={finish.isPending}
                >
                  {t('certs.rollover.finish')}
                </Button>
              </Group>
            </Stack>
          </Stepper.Step>
        )}
      </Stepper>
    </Card>
  );
}

/** A local date-time one hour from now, as <input type="datetime-local"> wants it. */
function inAnHour(): string {
  const date = new Date(Date.now() + 60 * 60 * 1000);
  date.setSeconds(0, 0);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

function StartForm({ onCancel }: { onCancel(): void }) {
  const { t } = useTranslation();
  const start = useAdminMutation('sso:sp-rollover:start');
  const [mode, setMode] = useState<'multiple' | 'single'>('multiple');
  const [switchAt, setSwitchAt] = useState(inAnHour());
  const [kind, setKind] = useState<'self-signed' | 'pem' | 'pkcs12'>('self-signed');
  const [keyType, setKeyType] = useState<(typeof SP_KEY_TYPES)[number]>('rsa-2048');
  const [certificatesPem, setCertificatesPem] = useState('');
  const [privateKeyPem, setPrivateKeyPem] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [pkcs12, setPkcs12] = useState<File | null>(null);
  const [missingFile, setMissingFile] = useState(false);

  const submit = async () => {
    setMissingFile(false);
    let certificate: RolloverStart['certificate'];
    if (kind === 'self-signed') certificate = { kind, keyType };
    else if (kind === 'pem')
      certificate = { kind, certificatesPem, privateKeyPem, ...(passphrase ? { passphrase } : {}) };
    else {
      if (!pkcs12) return setMissingFile(true);
      const bytes = new Uint8Array(await pkcs12.arrayBuffer());
      let binary = '';
      for (const byte of bytes) binary += String.fromCharCode(byte);
      certificate = { kind, base64: btoa(binary), password: passphrase };
    }
    const at = mode === 'single' ? new Date(switchAt).getTime() : null;
    start.mutate(
      { mode, switchAt: at && Number.isFinite(at) ? at : null, certificate },
      { onSuccess: onCancel },
    );
  };

  return (
    <Stack mt="sm">
      <Radio.Group
        value={mode}
        onChange={(value) => setMode(value as typeof mode)}
        label={t('certs.rollover.idpType')}
      >
        <Stack gap="xs" mt="xs">
          <Radio
            value="multiple"
            label={t('certs.rollover.multiple')}
            description={t('certs.rollover.multipleHint')}
          />
          <Radio
            value="single"
            label={t('certs.rollover.single')}
            description={t('certs.rollover.singleHint')}
          />
        </Stack>
      </Radio.Group>
      {mode === 'single' && (
        <TextInput
          type="datetime-local"
          label={t('certs.rollover.switchAt')}
          description={t('certs.rollover.switchAtHint')}
          value={switchAt}
          onChange={(e) => setSwitchAt(e.currentTarget.value)}
          required
        />
      )}
      <Radio.Group
        value={kind}
        onChange={(value) => setKind(value as typeof kind)}
        label={t('certs.rollover.certificateKind')}
      >
        <Group gap="md" mt="xs">
          <Radio value="self-signed" label={t('certs.rollover.selfSigned')} />
          <Radio value="pem" label={t('certs.rollover.caPem')} />
          <Radio value="pkcs12" label={t('certs.rollover.caPkcs12')} />
        </Group>
      </Radio.Group>
      {kind === 'self-signed' && (
        <Select
          label={t('certs.rollover.keyType')}
          value={keyType}
          onChange={(value) => value && setKeyType(value as typeof keyType)}
          allowDeselect={false}
          data={SP_KEY_TYPES.map((value) => ({ value, label: t(`certs.rollover.keyTypes.${value}`) }))}
        />
      )}
      {kind === 'pem' && (
        <>
          <Textarea
            label={t('certs.rollover.certificatesPem')}
            value={certificatesPem}
            onChange={(e) => setCertificatesPem(e.currentTarget.value)}
            autosize
            minRows={3}
            maxRows={8}
            ff="monospace"
          />
          <Textarea
            label={t('certs.rollover.privateKeyPem')}
            value={privateKeyPem}
            onChange={(e) => setPrivateKeyPem(e.currentTarget.value)}
            autosize
            minRows={3}
            maxRows={8}
            ff="monospace"
          />
        </>
      )}
      {kind === 'pkcs12' && (
        <FileInput
          label={t('certs.rollover.pkcs12File')}
          value={pkcs12}
          onChange={setPkcs12}
          accept=".p12,.pfx,application/x-pkcs12"
          clearable
        />
      )}
      {kind !== 'self-signed' && (
        <PasswordInput
          label={kind === 'pem' ? t('certs.rollover.passphrase') : t('certs.rollover.pkcs12Password')}
          value={passphrase}
          onChange={(e) => setPassphrase(e.currentTarget.value)}
        />
      )}
      {missingFile && (
        <Alert color="red" role="alert">
          {t('certs.rollover.choosePkcs12')}
        </Alert>
      )}
      <ErrorAlert error={start.error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button onClick={() => void submit()} loading={start.isPending}>
          {t('certs.rollover.create')}
        </Button>
      </Group>
    </Stack>
  );
}
