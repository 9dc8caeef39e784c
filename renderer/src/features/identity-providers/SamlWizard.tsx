import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Code,
  FileInput,
  Group,
  Modal,
  PasswordInput,
  SegmentedControl,
  Select,
  Stack,
  Stepper,
  Table,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { IconFileCode } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ADMIN_LIMITS,
  SAML_BINDINGS,
  SP_KEY_TYPES,
  type Idp,
  type SamlBinding,
} from '../../../../shared/admin/schemas';
import type { SamlMetadataPreview } from '../../../../shared/ipc/contract';

type MetadataEntity = { entityId: string; displayName: string | null };
import { ApiError, call } from '../../api/client';
import { downloadText } from '../../app/download';
import { ErrorAlert } from '../../app/ErrorAlert';
import { useAdminMutation, useAdminQuery } from '../admin/api';

type Source =
  | { kind: 'current' }
  | { kind: 'metadata'; xml: string; fileName: string; entityId?: string; preview: SamlMetadataPreview }
  | { kind: 'manual' };

const EMPTY_MANUAL = {
  entityId: '',
  ssoUrl: '',
  ssoBinding: 'HTTP-Redirect' as SamlBinding,
  sloUrl: '',
  certificatePem: '',
};

/** S1–S4 as steps: SP certificate → SP metadata → IdP metadata (or form) → name, user id, save. */
export function SamlWizard({ idp, onClose }: { idp: Idp | null; onClose(): void }) {
  const { t } = useTranslation();
  const [step, setStep] = useState(idp ? 2 : 0);
  const [source, setSource] = useState<Source | null>(idp ? { kind: 'current' } : null);
  const [manual, setManual] = useState(EMPTY_MANUAL);
  const [name, setName] = useState(idp?.name ?? '');
  const [userIdAttribute, setUserIdAttribute] = useState(idp?.saml?.userIdAttribute ?? 'uid');
  const [acknowledged, setAcknowledged] = useState(false);
  const save = useAdminMutation('sso:idp:save-saml');
  const cert = useAdminQuery('sso:sp-certificate:get', {});

  const trust =
    source?.kind === 'metadata'
      ? source.preview.trust
      : source?.kind === 'manual'
        ? 'manual'
        : (idp?.saml?.trust ?? 'unsigned');
  const lessSecure = trust !== 'public-root';

  function submit() {
    if (!source) return;
    save.mutate(
      {
        id: idp?.id ?? null,
        idp: {
          name,
          userIdAttribute,
          acknowledgeLessSecure: acknowledged,
          source:
            source.kind === 'metadata'
              ? {
                  kind: 'metadata',
                  xml: source.xml,
                  ...(source.entityId ? { entityId: source.entityId } : {}),
                }
              : source.kind === 'manual'
                ? { kind: 'manual', ...manual }
                : { kind: 'current' },
        },
      },
      { onSuccess: onClose },
    );
  }

  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={idp ? t('saml.editTitle', { name: idp.name }) : t('saml.title')}
    >
      <Stepper active={step} onStepClick={setStep} size="sm" allowNextStepsSelect={false}>
        <Stepper.Step label={t('saml.stepCertificate')}>
          <SpCertificateStep />
        </Stepper.Step>
        <Stepper.Step label={t('saml.stepSpMetadata')}>
          <SpMetadataStep />
        </Stepper.Step>
        <Stepper.Step label={t('saml.stepIdpMetadata')}>
          <IdpMetadataStep
            source={source}
            setSource={setSource}
            manual={manual}
            setManual={setManual}
            editing={idp !== null}
          />
        </Stepper.Step>
        <Stepper.Step label={t('saml.stepSettings')}>
          <Stack>
            <TextInput
              label={t('saml.name')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              required
              data-autofocus
            />
            <TextInput
              label={t('saml.userIdAttribute')}
              description={t('saml.userIdAttributeHint')}
              value={userIdAttribute}
              onChange={(e) => setUserIdAttribute(e.currentTarget.value)}
              required
            />
            <TrustNotice trust={trust} />
            {lessSecure && (
              <Checkbox
                label={t('saml.acknowledge')}
                checked={acknowledged}
                onChange={(e) => setAcknowledged(e.currentTarget.checked)}
              />
            )}
            <Text size="sm" c="dimmed">
              {t('saml.notLiveYet')}
            </Text>
            <ErrorAlert error={save.error} />
          </Stack>
        </Stepper.Step>
      </Stepper>
      <Group justify="space-between" mt="lg">
        <Button variant="default" onClick={step === 0 ? onClose : () => setStep(step - 1)}>
          {step === 0 ? t('common.cancel') : t('common.back')}
        </Button>
        {step < 3 ? (
          <Button
            onClick={() => setStep(step + 1)}
            disabled={(step === 0 && !cert.data) || (step === 2 && !source)}
          >
            {t('common.next')}
          </Button>
        ) : (
          <Button
            onClick={submit}
            loading={save.isPending}
            disabled={!name.trim() || !userIdAttribute.trim() || (lessSecure && !acknowledged)}
          >
            {t('common.save')}
          </Button>
        )}
      </Group>
    </Modal>
  );
}

function TrustNotice({ trust }: { trust: SamlMetadataPreview['trust'] }) {
  const { t } = useTranslation();
  return trust === 'public-root' ? (
    <Alert color="green" title={t('saml.trust.public-root')}>
      {t('saml.trustBody.public-root')}
    </Alert>
  ) : (
    <Alert color="yellow" title={t(`saml.trust.${trust}`)}>
      {t(`saml.trustBody.${trust}`)}
    </Alert>
  );
}

function SpCertificateStep() {
  const { t } = useTranslation();
  const cert = useAdminQuery('sso:sp-certificate:get', {});
  const generate = useAdminMutation('sso:sp-certificate:generate');
  const [mode, setMode] = useState<'generate' | 'pem' | 'pkcs12'>('generate');
  const [keyType, setKeyType] = useState<(typeof SP_KEY_TYPES)[number]>('rsa-2048');
  return (
    <Stack mt="md">
      <Text size="sm">{t('saml.certificateHelp')}</Text>
      {cert.data ? (
        <Alert color="green" title={t('saml.certificateCurrent')}>
          <Text size="sm">
            {t(`saml.certKind.${cert.data.kind}`)} · {cert.data.info.keyAlgorithm} ·{' '}
            {t('saml.validUntil', { date: new Date(cert.data.info.notAfter).toLocaleDateString() })}
          </Text>
          <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
            SHA-256 {cert.data.info.fingerprintSha256}
          </Text>
        </Alert>
      ) : (
        <Alert color="blue">{t('saml.certificateNone')}</Alert>
      )}
      <SegmentedControl
        value={mode}
        onChange={(value) => setMode(value as typeof mode)}
        data={[
          { value: 'generate', label: t('saml.certGenerate') },
          { value: 'pem', label: t('saml.certImportPem') },
          { value: 'pkcs12', label: t('saml.certImportPkcs12') },
        ]}
      />
      {mode === 'generate' && (
        <Group align="flex-end">
          <Select
            label={t('saml.keyType')}
            value={keyType}
            onChange={(value) => value && setKeyType(value as typeof keyType)}
            data={SP_KEY_TYPES.map((value) => ({ value, label: t(`saml.keyTypes.${value}`) }))}
            allowDeselect={false}
          />
          <Button loading={generate.isPending} onClick={() => generate.mutate({ keyType })}>
            {cert.data ? t('saml.certRegenerate') : t('saml.certGenerateButton')}
          </Button>
        </Group>
      )}
      {mode === 'pem' && <PemImport />}
      {mode === 'pkcs12' && <Pkcs12Import />}
      <ErrorAlert error={generate.error ?? cert.error} />
    </Stack>
  );
}

function PemImport() {
  const { t } = useTranslation();
  const importCert = useAdminMutation('sso:sp-certificate:import');
  const [certificatesPem, setCertificates] = useState('');
  const [privateKeyPem, setKey] = useState('');
  const [passphrase, setPassphrase] = useState('');
  return (
    <Stack>
      <Textarea
        label={t('saml.certChainPem')}
        description={t('saml.certChainPemHint')}
        autosize
        minRows={3}
        maxRows={8}
        value={certificatesPem}
        onChange={(e) => setCertificates(e.currentTarget.value)}
        styles={{ input: { fontFamily: 'monospace' } }}
      />
      <Textarea
        label={t('saml.privateKeyPem')}
        autosize
        minRows={3}
        maxRows={8}
        value={privateKeyPem}
        onChange={(e) => setKey(e.currentTarget.value)}
        styles={{ input: { fontFamily: 'monospace' } }}
      />
      <PasswordInput
        label={t('saml.keyPassphrase')}
        value={passphrase}
        onChange={(e) => setPassphrase(e.currentTarget.value)}
      />
      <ErrorAlert error={importCert.error} />
      <Group justify="flex-end">
        <Button
          disabled={!certificatesPem.trim() || !privateKeyPem.trim()}
          loading={importCert.isPending}
          onClick={() =>
            importCert.mutate(
              { kind: 'pem', certificatesPem, privateKeyPem, ...(passphrase ? { passphrase } : {}) },
              { onSuccess: () => (setKey(''), setPassphrase('')) },
            )
          }
        >
          {t('saml.certImportButton')}
        </Button>
      </Group>
    </Stack>
  );
}

function Pkcs12Import() {
  const { t } = useTranslation();
  const importCert = useAdminMutation('sso:sp-certificate:import');
  const [file, setFile] = useState<File | null>(null);
  const [password, setPassword] = useState('');
  const [tooLarge, setTooLarge] = useState(false);
  return (
    <Stack>
      <FileInput
        label={t('saml.pkcs12File')}
        accept=".p12,.pfx,application/x-pkcs12"
        value={file}
        onChange={(value) => {
          setTooLarge(value !== null && value.size > ADMIN_LIMITS.pkcs12MaxBytes);
          setFile(value);
        }}
        error={tooLarge ? t('saml.pkcs12TooLarge') : null}
        clearable
      />
      <PasswordInput
        label={t('saml.pkcs12Password')}
        value={password}
        onChange={(e) => setPassword(e.currentTarget.value)}
      />
      <ErrorAlert error={importCert.error} />
      <Group justify="flex-end">
        <Button
          disabled={!file || tooLarge}
          loading={importCert.isPending}
          onClick={() =>
            void file!.arrayBuffer().then((buffer) => {
              let binary = '';
              new Uint8Array(buffer).forEach((byte) => (binary += String.fromCharCode(byte)));
              importCert.mutate(
                { kind: 'pkcs12', base64: btoa(binary), password },
                { onSuccess: () => setPassword('') },
              );
            })
          }
        >
          {t('saml.certImportButton')}
        </Button>
      </Group>
    </Stack>
  );
}

function SpMetadataStep() {
  const { t } = useTranslation();
  const org = useAdminQuery('admin:org:get', {});
  const [signed, setSigned] = useState(true);
  const download = useMutation({
    mutationFn: () => call('sso:sp-metadata:get', { signed }),
    onSuccess: ({ fileName, xml }) => downloadText(fileName, xml, 'application/xml'),
  });
  return (
    <Stack mt="md">
      <Text size="sm">{t('saml.spMetadataHelp')}</Text>
      {org.data && (
        <Table>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th>{t('saml.spEntityId')}</Table.Th>
              <Table.Td>
                <Code>{org.data.sp.entityId}</Code>
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('saml.acsUrl')}</Table.Th>
              <Table.Td>
                <Code>{org.data.sp.acsUrl}</Code>
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      )}
      <Checkbox
        label={t('saml.signMetadata')}
        checked={signed}
        onChange={(e) => setSigned(e.currentTarget.checked)}
      />
      <Group>
        <Button variant="light" loading={download.isPending} onClick={() => download.mutate()}>
          {t('saml.downloadSpMetadata')}
        </Button>
      </Group>
      <ErrorAlert error={download.error} />
    </Stack>
  );
}

function IdpMetadataStep({
  source,
  setSource,
  manual,
  setManual,
  editing,
}: {
  source: Source | null;
  setSource(source: Source | null): void;
  manual: typeof EMPTY_MANUAL;
  setManual(manual: typeof EMPTY_MANUAL): void;
  editing: boolean;
}) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'upload' | 'manual'>(source?.kind === 'manual' ? 'manual' : 'upload');
  // A federation's aggregate lists several IdPs: the admin chooses one (the whole file stays, so
  // its signature is what is checked).
  const [aggregate, setAggregate] = useState<{
    xml: string;
    fileName: string;
    entities: MetadataEntity[];
  } | null>(null);
  const preview = useMutation({
    mutationFn: async (file: File) => {
      if (file.size > ADMIN_LIMITS.metadataMaxBytes) {
        throw new ApiError({
          code: 'INVALID_INPUT',
          message: 'The metadata file is too large.',
          reason: 'metadata.tooLarge',
          params: { maxKb: ADMIN_LIMITS.metadataMaxBytes / 1024 },
        });
      }
      const xml = await file.text();
      const entities = await call('sso:saml-metadata:entities', { xml });
      if (entities.length > 1) return { kind: 'aggregate' as const, xml, fileName: file.name, entities };
      return {
        kind: 'single' as const,
        xml,
        fileName: file.name,
        preview: await call('sso:saml-metadata:preview', { xml }),
      };
    },
    onMutate: () => {
      setAggregate(null);
      setSource(editing ? { kind: 'current' } : null);
    },
    onSuccess: (result) => {
      if (result.kind === 'aggregate') setAggregate(result);
      else
        setSource({ kind: 'metadata', xml: result.xml, fileName: result.fileName, preview: result.preview });
    },
  });
  const choose = useMutation({
    mutationFn: async (entityId: string) => ({
      entityId,
      preview: await call('sso:saml-metadata:preview', { xml: aggregate!.xml, entityId }),
    }),
    onMutate: () => setSource(editing ? { kind: 'current' } : null),
    onSuccess: ({ entityId, preview: parsed }) =>
      setSource({
        kind: 'metadata',
        xml: aggregate!.xml,
        fileName: aggregate!.fileName,
        entityId,
        preview: parsed,
      }),
  });
  const manualComplete = manual.entityId.trim() && manual.ssoUrl.trim() && manual.certificatePem.trim();
  return (
    <Stack mt="md">
      <SegmentedControl
        value={mode}
        onChange={(value) => {
          setMode(value as typeof mode);
          setSource(
            value === 'manual'
              ? manualComplete
                ? { kind: 'manual' }
                : null
              : editing
                ? { kind: 'current' }
                : null,
          );
        }}
        data={[
          { value: 'upload', label: t('saml.upload') },
          { value: 'manual', label: t('saml.manual') },
        ]}
      />
      {mode === 'upload' && (
        <>
          {editing && source?.kind === 'current' && <Text size="sm">{t('saml.keepCurrent')}</Text>}
          <Dropzone
            onDrop={(files) => files[0] && preview.mutate(files[0])}
            multiple={false}
            maxSize={ADMIN_LIMITS.metadataMaxBytes * 4}
            accept={{
              'application/xml': ['.xml'],
              'text/xml': ['.xml'],
              'application/samlmetadata+xml': ['.xml'],
            }}
            loading={preview.isPending}
            aria-label={t('saml.dropMetadata')}
          >
            <Group justify="center" mih={100} style={{ pointerEvents: 'none' }}>
              <IconFileCode size={36} aria-hidden />
              <div>
                <Text>{t('saml.dropMetadata')}</Text>
                <Text size="sm" c="dimmed">
                  {t('saml.dropMetadataHint')}
                </Text>
              </div>
            </Group>
          </Dropzone>
          <ErrorAlert error={preview.error} />
          {aggregate && (
            <Select
              label={t('saml.chooseEntity')}
              description={t('saml.chooseEntityHint', {
                count: aggregate.entities.length,
                file: aggregate.fileName,
              })}
              placeholder={t('saml.chooseEntityPlaceholder')}
              searchable
              data={aggregate.entities.map((entity) => ({
                value: entity.entityId,
                label: entity.displayName ? `${entity.displayName} — ${entity.entityId}` : entity.entityId,
              }))}
              value={source?.kind === 'metadata' ? (source.entityId ?? null) : null}
              onChange={(value) => value && choose.mutate(value)}
            />
          )}
          <ErrorAlert error={choose.error} />
          {source?.kind === 'metadata' && (
            <MetadataPreview fileName={source.fileName} preview={source.preview} />
          )}
        </>
      )}
      {mode === 'manual' && (
        <Stack>
          <TextInput
            label={t('saml.entityId')}
            value={manual.entityId}
            onChange={(e) => update({ entityId: e.currentTarget.value })}
            required
          />
          <Group grow align="flex-start">
            <TextInput
              label={t('saml.ssoUrl')}
              placeholder="https://idp.example.com/sso"
              value={manual.ssoUrl}
              onChange={(e) => update({ ssoUrl: e.currentTarget.value })}
              required
            />
            <Select
              label={t('saml.binding')}
              data={SAML_BINDINGS.map((value) => ({ value, label: value }))}
              value={manual.ssoBinding}
              onChange={(value) => value && update({ ssoBinding: value as SamlBinding })}
              allowDeselect={false}
            />
          </Group>
          <TextInput
            label={t('saml.sloUrl')}
            value={manual.sloUrl}
            onChange={(e) => update({ sloUrl: e.currentTarget.value })}
          />
          <Textarea
            label={t('saml.signingCertificate')}
            description={t('saml.signingCertificateHint')}
            autosize
            minRows={4}
            maxRows={10}
            value={manual.certificatePem}
            onChange={(e) => update({ certificatePem: e.currentTarget.value })}
            styles={{ input: { fontFamily: 'monospace' } }}
            required
          />
        </Stack>
      )}
    </Stack>
  );

  function update(change: Partial<typeof EMPTY_MANUAL>) {
    const next = { ...manual, ...change };
    setManual(next);
    setSource(
      next.entityId.trim() && next.ssoUrl.trim() && next.certificatePem.trim() ? { kind: 'manual' } : null,
    );
  }
}

function MetadataPreview({ fileName, preview }: { fileName: string; preview: SamlMetadataPreview }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" data-testid="metadata-preview">
      <Group gap="xs">
        <Text fw={500}>{fileName}</Text>
        <Badge color={preview.trust === 'public-root' ? 'green' : 'yellow'} variant="light">
          {t(`saml.trust.${preview.trust}`)}
        </Badge>
      </Group>
      <Table>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th>{t('saml.entityId')}</Table.Th>
            <Table.Td>{preview.entityId}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('saml.ssoUrl')}</Table.Th>
            <Table.Td>
              {preview.sso.location} <Badge variant="outline">{preview.sso.binding}</Badge>
            </Table.Td>
          </Table.Tr>
          {preview.slo && (
            <Table.Tr>
              <Table.Th>{t('saml.sloUrl')}</Table.Th>
              <Table.Td>{preview.slo.location}</Table.Td>
            </Table.Tr>
          )}
          {preview.signingCertificates.map((cert, index) => (
            <Table.Tr key={cert.fingerprintSha256}>
              <Table.Th>{t('saml.signingCertificateN', { n: index + 1 })}</Table.Th>
              <Table.Td>
                <Text size="sm">{cert.subject}</Text>
                <Text size="xs" c="dimmed">
                  {t('saml.validUntil', { date: new Date(cert.notAfter).toLocaleDateString() })}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {preview.expiredCertificates.length > 0 && (
        <Alert color="orange" role="status">
          {t('certs.renewal.expiredLeftOut', { count: preview.expiredCertificates.length })}:{' '}
          {preview.expiredCertificates.map((cert) => cert.subject).join(', ')}
        </Alert>
      )}
    </Stack>
  );
}
