import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  List,
  Modal,
  SegmentedControl,
  Stack,
  Stepper,
  Text,
  TextInput,
} from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconFileCode } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IdpRenewalPreview, IdpRenewalSource } from '../../../../shared/admin/certificates';
import { ADMIN_LIMITS, type CertificateInfo, type Idp } from '../../../../shared/admin/schemas';
import { call } from '../../api/client';
import { ErrorAlert } from '../../app/ErrorAlert';
import { useAdminMutation } from '../admin/api';
import { TestSsoModal } from '../identity-providers/TestSsoModal';
import { download } from './CertificatesPage';

/** Where the IdP's metadata most likely lives: many IdPs (Shibboleth, Keycloak) use it as entity ID. */
function guessMetadataUrl(idp: Idp): string {
  const entityId = idp.saml?.entityId ?? '';
  return /^https?:\/\//.test(entityId) ? entityId : '';
}

/**
 * C1: backup → new metadata (drop, file or URL) → diff and trust → Test SSO against the candidate
 * → save (one transaction with its audit entry).
 */
export function IdpRenewalModal({ idp, onClose }: { idp: Idp; onClose(): void }) {
  const { t } = useTranslation();
  const [step, setStep] = useState(0);
  const [mode, setMode] = useState<'file' | 'url'>('file');
  const [url, setUrl] = useState(guessMetadataUrl(idp));
  const [acknowledged, setAcknowledged] = useState(false);
  const [testing, setTesting] = useState(false);
  const [tested, setTested] = useState(false);
  const [tooLarge, setTooLarge] = useState(false);
  const preview = useMutation({
    mutationFn: (source: IdpRenewalSource) => call('sso:idp-renewal:preview', { idpId: idp.id, source }),
    onSuccess: () => {
      setAcknowledged(false);
      setTested(false);
    },
  });
  const save = useAdminMutation('sso:idp-renewal:save');
  const candidate = preview.data;

  const readFile = async (file: File) => {
    setTooLarge(file.size > ADMIN_LIMITS.metadataMaxBytes * 2);
    if (file.size > ADMIN_LIMITS.metadataMaxBytes * 2) {
      preview.reset();
      return;
    }
    preview.mutate({ kind: 'xml', xml: await file.text() });
  };

  return (
    <Modal opened onClose={onClose} title={t('certs.renewal.title', { name: idp.name })} size="xl">
      <Stepper active={step} onStepClick={(index) => index < step && setStep(index)} size="sm">
        <Stepper.Step label={t('certs.renewal.stepBackup')}>
          <Stack mt="sm">
            <Text size="sm">{t('certs.renewal.backupBody')}</Text>
            <Group>
              <Button
                variant="default"
                leftSection={<IconDownload size={14} />}
                onClick={() =>
                  void download(async () => {
                    const { fileName, xml } = await call('sso:idp:metadata', { id: idp.id });
                    return { fileName, content: xml };
                  })
                }
              >
                {t('certs.renewal.downloadBackup')}
              </Button>
            </Group>
            <Group justify="flex-end">
              <Button onClick={() => setStep(1)}>{t('common.next')}</Button>
            </Group>
          </Stack>
        </Stepper.Step>
        <Stepper.Step label={t('certs.renewal.stepNew')}>
          <Stack mt="sm">
            <SegmentedControl
              value={mode}
              onChange={(value) => setMode(value as typeof mode)}
              aria-label={t('certs.renewal.source')}
              data={[
                { value: 'file', label: t('certs.renewal.fromFile') },
                { value: 'url', label: t('certs.renewal.fromUrl') },
              ]}
            />
            {mode === 'file' ? (
              <Dropzone
                onDrop={(files) => files[0] && void readFile(files[0])}
                onReject={() => setTooLarge(true)}
                multiple={false}
                maxSize={ADMIN_LIMITS.metadataMaxBytes * 2}
                accept={{
                  'application/xml': ['.xml'],
                  'text/xml': ['.xml'],
                  'application/samlmetadata+xml': ['.xml'],
                }}
                loading={preview.isPending}
                aria-label={t('certs.renewal.drop')}
              >
                <Group justify="center" mih={90} style={{ pointerEvents: 'none' }}>
                  <IconFileCode size={32} aria-hidden />
                  <div>
                    <Text>{t('certs.renewal.drop')}</Text>
                    <Text size="sm" c="dimmed">
                      {t('certs.renewal.dropHint')}
                    </Text>
                  </div>
                </Group>
              </Dropzone>
            ) : (
              <Group align="flex-end" wrap="nowrap">
                <TextInput
                  style={{ flex: 1 }}
                  label={t('certs.renewal.url')}
                  description={t('certs.renewal.urlHint')}
                  value={url}
                  onChange={(e) => setUrl(e.currentTarget.value)}
                  placeholder="https://idp.example.com/metadata"
                />
                <Button
                  loading={preview.isPending}
                  disabled={!url.trim()}
                  onClick={() => preview.mutate({ kind: 'url', url: url.trim() })}
                >
                  {t('certs.renewal.fetch')}
                </Button>
              </Group>
            )}
            {tooLarge && (
              <Alert color="red" role="alert">
                {t('certs.renewal.tooLarge', { mb: (ADMIN_LIMITS.metadataMaxBytes * 2) / 1024 / 1024 })}
              </Alert>
            )}
            <ErrorAlert error={preview.error} />
            {candidate && <Diff preview={candidate} />}
            {candidate?.needsAcknowledgement && (
              <Checkbox
                checked={acknowledged}
                onChange={(e) => setAcknowledged(e.currentTarget.checked)}
                label={t('certs.renewal.acknowledge')}
              />
            )}
            <Group justify="space-between">
              <Button variant="default" onClick={() => setStep(0)}>
                {t('common.back')}
              </Button>
              <Button
                disabled={!candidate || (candidate.needsAcknowledgement && !acknowledged)}
                onClick={() => setStep(2)}
              >
                {t('common.next')}
              </Button>
            </Group>
          </Stack>
        </Stepper.Step>
        <Stepper.Step label={t('certs.renewal.stepTest')}>
          <Stack mt="sm">
            <Text size="sm">{t('certs.renewal.testBody')}</Text>
            <Group>
              <Button variant="light" onClick={() => setTesting(true)}>
                {t('certs.renewal.test')}
              </Button>
              {tested && <Badge color="green">{t('certs.renewal.testDone')}</Badge>}
            </Group>
            <ErrorAlert error={save.error} />
            <Group justify="space-between">
              <Button variant="default" onClick={() => setStep(1)}>
                {t('common.back')}
              </Button>
              <Button
                loading={save.isPending}
                onClick={() =>
                  candidate &&
                  save.mutate(
                    { idpId: idp.id, xml: candidate.xml, acknowledgeLessSecure: acknowledged },
                    {
                      onSuccess: () => {
                        notifications.show({
                          color: 'green',
                          message: t('certs.renewal.saved', { name: idp.name }),
                        });
                        onClose();
                      },
                    },
                  )
                }
              >
                {t('certs.renewal.save')}
              </Button>
            </Group>
          </Stack>
        </Stepper.Step>
      </Stepper>
      {testing && candidate && (
        <TestSsoModal
          idp={idp}
          start={() => call('sso:idp-renewal:test', { idpId: idp.id, xml: candidate.xml })}
          onClose={() => {
            setTesting(false);
            setTested(true);
          }}
        />
      )}
    </Modal>
  );
}

function CertificateLine({ certificate }: { certificate: CertificateInfo }) {
  const { i18n } = useTranslation();
  const date = new Intl.DateTimeFormat(i18n.resolvedLanguage, { dateStyle: 'medium' }).format(
    new Date(certificate.notAfter),
  );
  return (
    <Text size="sm" style={{ wordBreak: 'break-all' }}>
      {certificate.subject} · {date} ·{' '}
      <span style={{ fontFamily: 'monospace' }}>{certificate.fingerprintSha256.slice(0, 23)}…</span>
    </Text>
  );
}

function Diff({ preview }: { preview: IdpRenewalPreview }) {
  const { t } = useTranslation();
  const nothing =
    !preview.entityIdChanged &&
    preview.certificatesAdded.length === 0 &&
    preview.certificatesRemoved.length === 0 &&
    preview.endpointsChanged.length === 0;
  return (
    <Stack gap="xs" aria-label={t('certs.renewal.changes')} role="region">
      <Text fw={600}>{t('certs.renewal.changes')}</Text>
      {nothing && <Text size="sm">{t('certs.renewal.noChanges')}</Text>}
      {preview.entityIdChanged && (
        <Alert color="orange" title={t('certs.renewal.entityIdChanged')}>
          <Text size="sm" style={{ wordBreak: 'break-all' }}>
            {preview.current.entityId} → {preview.candidate.entityId}
          </Text>
        </Alert>
      )}
      {preview.certificatesAdded.length > 0 && (
        <div>
          <Text size="sm" c="green" fw={600}>
            {t('certs.renewal.added', { count: preview.certificatesAdded.length })}
          </Text>
          {preview.certificatesAdded.map((c) => (
            <CertificateLine key={c.fingerprintSha256} certificate={c} />
          ))}
        </div>
      )}
      {preview.certificatesRemoved.length > 0 && (
        <div>
          <Text size="sm" c="red" fw={600}>
            {t('certs.renewal.removed', { count: preview.certificatesRemoved.length })}
          </Text>
          {preview.certificatesRemoved.map((c) => (
            <CertificateLine key={c.fingerprintSha256} certificate={c} />
          ))}
        </div>
      )}
      {preview.endpointsChanged.length > 0 && (
        <List size="sm">
          {preview.endpointsChanged.map((change) => (
            <List.Item key={change.endpoint} style={{ wordBreak: 'break-all' }}>
              {t(`certs.renewal.endpoint.${change.endpoint}`)}: {change.before?.location ?? '—'} →{' '}
              {change.after?.location ?? '—'}
            </List.Item>
          ))}
        </List>
      )}
      {preview.expiredCertificates.length > 0 && (
        <Alert
          color="orange"
          title={t('certs.renewal.expiredLeftOut', { count: preview.expiredCertificates.length })}
        >
          {preview.expiredCertificates.map((c) => (
            <CertificateLine key={c.fingerprintSha256} certificate={c} />
          ))}
        </Alert>
      )}
      <Group gap="xs">
        <Text size="sm">{t('certs.renewal.trust')}</Text>
        <Badge color={preview.candidate.trust === 'public-root' ? 'green' : 'yellow'}>
          {t(`certs.renewal.trustClass.${preview.candidate.trust === 'public-root' ? 'more' : 'less'}`)}
        </Badge>
        {preview.trustChange !== 'same' && (
          <Badge color={preview.trustChange === 'more' ? 'green' : 'red'} variant="light">
            {t(`certs.renewal.trustChange.${preview.trustChange}`)}
          </Badge>
        )}
      </Group>
    </Stack>
  );
}
