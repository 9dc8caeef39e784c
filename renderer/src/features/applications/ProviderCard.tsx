import { Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconRotate } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { confirmAction } from '../../app/confirm';
import { ErrorAlert } from '../../app/ErrorAlert';
import { useAdminMutation, useAdminQuery } from '../admin/api';
import { CopyField } from './SecretModal';

/** A key ID short enough for a table cell; the whole of it is in the tooltip. */
const shortKid = (kid: string) => (kid.length > 12 ? `${kid.slice(0, 8)}…` : kid);

/**
 * Tessera's OpenID Provider as an application is configured with it (the issuer, its discovery
 * URL), whether it answers, and its signing keys, rotated with overlap.
 */
export function ProviderCard() {
  const { t, i18n } = useTranslation();
  const provider = useAdminQuery('op:provider:get', {});
  const rotate = useAdminMutation('op:signing-key:rotate');
  const date = (ms: number) =>
    new Intl.DateTimeFormat(i18n.resolvedLanguage, { dateStyle: 'medium', timeStyle: 'short' }).format(
      new Date(ms),
    );
  const op = provider.data;
  return (
    <Card withBorder component="section" aria-labelledby="op-title">
      <Stack>
        <Group justify="space-between" gap="xs">
          <Title order={3} size="h4" id="op-title">
            {t('apps.op.title')}
          </Title>
          {op && (
            <Badge color={op.running ? 'green' : 'red'} variant="light">
              {op.running ? t('apps.op.running') : t('apps.op.stopped')}
            </Badge>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {t('apps.op.intro')}
        </Text>
        <ErrorAlert error={provider.error ?? rotate.error} />
        {op && (
          <>
            {!op.running && (
              <Text size="sm" c="red">
                {t('apps.op.stoppedHint')}
              </Text>
            )}
            <CopyField label={t('apps.op.discoveryUrl')} value={op.discoveryUrl} />
            <Text size="sm">
              {t('apps.op.issuer')}: <code style={{ wordBreak: 'break-all' }}>{op.issuer}</code>
            </Text>
            <Group justify="space-between" mt="xs" gap="xs">
              <Title order={4} size="h5">
                {t('apps.op.keys')}
              </Title>
              <Button
                size="xs"
                variant="default"
                leftSection={<IconRotate size={14} />}
                loading={rotate.isPending}
                onClick={() =>
                  confirmAction({
                    title: t('apps.op.rotateTitle'),
                    body: t('apps.op.rotateBody'),
                    confirm: t('apps.op.rotateConfirm'),
                    color: 'orange',
                    onConfirm: () =>
                      rotate.mutate(
                        { confirm: true },
                        {
                          onSuccess: () =>
                            notifications.show({ color: 'green', message: t('apps.op.rotated') }),
                        },
                      ),
                  })
                }
              >
                {t('apps.op.rotate')}
              </Button>
            </Group>
            {op.signingKeys.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('apps.op.noKeys')}
              </Text>
            ) : (
              <Table aria-label={t('apps.op.keys')} data-testid="signing-keys">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('apps.op.kid')}</Table.Th>
                    <Table.Th>{t('apps.op.alg')}</Table.Th>
                    <Table.Th>{t('apps.op.created')}</Table.Th>
                    <Table.Th>{t('apps.op.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {op.signingKeys.map((key) => (
                    <Table.Tr key={key.kid} data-kid={key.kid} data-active={key.active || undefined}>
                      <Table.Td>
                        <code title={key.kid}>{shortKid(key.kid)}</code>
                      </Table.Td>
                      <Table.Td>{key.alg}</Table.Td>
                      <Table.Td>{date(key.createdAt)}</Table.Td>
                      <Table.Td>
                        {key.active ? (
                          <Badge color="green" variant="light">
                            {t('apps.op.active')}
                          </Badge>
                        ) : (
                          <Text size="sm">
                            {key.removedAt === null
                              ? t('apps.op.published')
                              : t('apps.op.publishedUntil', { date: date(key.removedAt) })}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}
