import { Alert, Badge, Button, Card, Group, Menu, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconChevronDown, IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { expiry, type CertificateEntry } from '../../../../shared/admin/certificates';
import type { Idp } from '../../../../shared/admin/schemas';
import { call } from '../../api/client';
import { downloadText } from '../../app/download';
import { describeError, ErrorAlert } from '../../app/ErrorAlert';
import { useAdminQuery } from '../admin/api';
import { TestSsoModal } from '../identity-providers/TestSsoModal';
import { IdpRenewalModal } from './IdpRenewalModal';
import { SpRollover } from './SpRollover';

/** Saves a file the core made; a failure becomes a notification with what went wrong. */
export async function download(fetch: () => Promise<{ fileName: string; content: string }>) {
  try {
    const { fileName, content } = await fetch();
    downloadText(fileName, content, fileName.endsWith('.pem') ? 'application/x-pem-file' : 'application/xml');
  } catch (error) {
    notifications.show({ color: 'red', message: describeError(error) });
  }
}

/**
 * C1, C2: every SP and IdP certificate with its expiry, the SP certificate renewal, and for each
 * SAML IdP its metadata backup, renewal and test (C3).
 */
export function CertificatesPage() {
  const { t } = useTranslation();
  const overview = useAdminQuery('sso:certificate:list', {});
  const idps = useAdminQuery('sso:idp:list', {});
  const [renewing, setRenewing] = useState<Idp | null>(null);
  const [testing, setTesting] = useState<Idp | null>(null);
  const data = overview.data;
  const idpById = new Map((idps.data ?? []).map((idp) => [idp.id, idp]));
  const sp = data?.certificates.filter((c) => c.use === 'sp') ?? [];
  const idpCertificates = data?.certificates.filter((c) => c.use === 'idp') ?? [];

  return (
    <Stack maw={1000}>
      <Title order={2}>{t('certs.title')}</Title>
      <Text c="dimmed">{t('certs.intro')}</Text>
      <ErrorAlert error={overview.error ?? idps.error} />
      {data && (
        <>
          <Group justify="space-between" align="center">
            <Title order={3} size="h4">
              {t('certs.spTitle')}
            </Title>
            <Group gap="xs">
              <Button
                variant="default"
                size="xs"
                leftSection={<IconDownload size={14} />}
                disabled={sp.length === 0}
                onClick={() =>
                  void download(() =>
                    call('sso:sp-rollover:download', { what: 'metadata', which: 'current', signed: false }),
                  )
                }
              >
                {t('certs.downloadSpMetadata')}
              </Button>
            </Group>
          </Group>
          {sp.length === 0 && <Alert color="gray">{t('certs.noSp')}</Alert>}
          {sp.map((certificate) => (
            <CertificateCard key={certificate.id} certificate={certificate} now={data.now} />
          ))}
          {sp.length > 0 && <SpRollover rollover={data.rollover} samlIdps={data.samlIdps} />}

          <Title order={3} size="h4" mt="md">
            {t('certs.idpTitle')}
          </Title>
          {idpCertificates.length === 0 && <Alert color="gray">{t('certs.noIdp')}</Alert>}
          {idpCertificates.map((certificate) => {
            const idp = idpById.get(certificate.idpIds[0] ?? '');
            return (
              <CertificateCard key={certificate.id} certificate={certificate} now={data.now}>
                {idp && (
                  <Menu position="bottom-end">
                    <Menu.Target>
                      <Button
                        variant="light"
                        size="xs"
                        rightSection={<IconChevronDown size={14} />}
                        aria-label={t('certs.actionsFor', { name: idp.name })}
                      >
                        {t('certs.actions')}
                      </Button>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Item onClick={() => setRenewing(idp)}>{t('certs.renewIdp')}</Menu.Item>
                      <Menu.Item onClick={() => setTesting(idp)}>{t('certs.testIdp')}</Menu.Item>
                      <Menu.Item
                        onClick={() =>
                          void download(async () => {
                            const { fileName, xml } = await call('sso:idp:metadata', { id: idp.id });
                            return { fileName, content: xml };
                          })
                        }
                      >
                        {t('certs.backupIdp')}
                      </Menu.Item>
                    </Menu.Dropdown>
                  </Menu>
                )}
              </CertificateCard>
            );
          })}
        </>
      )}
      {renewing && <IdpRenewalModal idp={renewing} onClose={() => setRenewing(null)} />}
      {testing && <TestSsoModal idp={testing} onClose={() => setTesting(null)} />}
    </Stack>
  );
}

export function ExpiryBadge({ notAfter, now }: { notAfter: string; now: number }) {
  const { t } = useTranslation();
  const { daysLeft, state } = expiry(notAfter, now);
  if (state === 'expired') return <Badge color="red">{t('certs.expired')}</Badge>;
  if (state === 'expiring')
    return (
      <Badge color="orange" leftSection={<IconAlertTriangle size={12} />}>
        {t('certs.expiring', { count: daysLeft })}
      </Badge>
    );
  return (
    <Badge color="green" variant="light">
      {t('certs.valid')}
    </Badge>
  );
}

function CertificateCard({
  certificate,
  now,
  children,
}: {
  certificate: CertificateEntry;
  now: number;
  children?: React.ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const { daysLeft } = expiry(certificate.notAfter, now);
  const date = new Intl.DateTimeFormat(i18n.resolvedLanguage, { dateStyle: 'medium' }).format(
    new Date(certificate.notAfter),
  );
  return (
    <Card withBorder component="article" aria-label={certificate.subject} data-certificate={certificate.id}>
      <Group justify="space-between" wrap="nowrap" align="flex-start" mb="xs">
        <Group gap="xs" style={{ flex: 1, minWidth: 0 }}>
          <Badge variant="outline">{t(`certs.use.${certificate.use}`)}</Badge>
          {certificate.status !== 'active' && (
            <Badge color="violet" variant="light">
              {t(`certs.status.${certificate.status}`)}
            </Badge>
          )}
          <ExpiryBadge notAfter={certificate.notAfter} now={now} />
        </Group>
        {children && <div style={{ flexShrink: 0 }}>{children}</div>}
      </Group>
      <Text fw={600} style={{ wordBreak: 'break-all' }}>
        {certificate.subject}
      </Text>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" verticalSpacing={4} mt="xs">
        <Field label={t('certs.issuer')} value={certificate.issuer} />
        <Field label={t('certs.key')} value={certificate.keyAlgorithm} />
        <Field
          label={t('certs.notAfter')}
          value={
            daysLeft < 0 ? t('certs.expiredOn', { date }) : t('certs.daysLeft', { date, count: daysLeft })
          }
        />
        <Field
          label={t('certs.usedBy')}
          value={certificate.idpNames.length > 0 ? certificate.idpNames.join(', ') : t('certs.noIdps')}
        />
      </SimpleGrid>
      <Field label={t('certs.fingerprint')} value={certificate.fingerprintSha256} mono />
    </Card>
  );
}

function Field({ label, value, mono }: { label: string; value: string; mono?: boolean }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" ff={mono ? 'monospace' : undefined} style={{ wordBreak: 'break-all' }}>
        {value}
      </Text>
    </div>
  );
}
