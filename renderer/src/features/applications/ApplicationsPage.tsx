import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Stack,
  Switch,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle, IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Application } from '../../../../shared/admin/schemas';
import { confirmAction, DeleteButton } from '../../app/confirm';
import { ErrorAlert } from '../../app/ErrorAlert';
import { useAdminMutation, useAdminQuery } from '../admin/api';
import { ApplicationModal, toInput } from './ApplicationModal';
import { ProviderCard } from './ProviderCard';
import { SecretModal, type ShownSecret } from './SecretModal';

/**
 * The applications registry (M3) as the OAuth clients of Tessera's OpenID Provider: each with its
 * client ID, type, redirect URIs, released scopes and MFA switch; and the provider itself.
 */
export function ApplicationsPage() {
  const { t } = useTranslation();
  const policy = useAdminQuery('mfa:policy:get', {});
  const apps = useAdminQuery('mfa:application:list', {});
  const save = useAdminMutation('mfa:application:save', { forgetAnswer: true });
  const newSecret = useAdminMutation('mfa:application:new-secret', { forgetAnswer: true });
  const remove = useAdminMutation('mfa:application:delete');
  const [editing, setEditing] = useState<Application | 'new' | null>(null);
  // The one place a client secret is held, until "I have copied it".
  const [shown, setShown] = useState<ShownSecret | null>(null);

  const makeSecret = (app: Application) =>
    newSecret.mutate(
      { id: app.id, confirm: true },
      {
        onSuccess: ({ clientSecret }) => {
          setShown({ name: app.name, clientId: app.key, secret: clientSecret });
          newSecret.reset();
        },
      },
    );
  const askNewSecret = (app: Application) =>
    confirmAction({
      title: t('apps.newSecretTitle', { name: app.name }),
      body: t('apps.newSecretBody'),
      confirm: t('apps.newSecretConfirm'),
      color: 'orange',
      onConfirm: () => makeSecret(app),
    });

  const mfa = policy.data;
  // M3: the switches act only while the policy has "mandatory for selected applications" on.
  const switchesIdle =
    mfa && (!mfa.enabled || !mfa.mandatoryForApplications) && !mfa.mandatoryForOrganization;
  const forEveryone = mfa?.enabled && mfa.mandatoryForOrganization;

  return (
    <Stack maw={1000}>
      <Title order={2}>{t('apps.title')}</Title>
      <Text c="dimmed">{t('apps.intro')}</Text>
      {switchesIdle && (
        <Alert
          color="blue"
          variant="light"
          icon={<IconInfoCircle size={18} />}
          data-testid="mfa-switches-idle"
        >
          {t('apps.mfaIdle')}
        </Alert>
      )}
      {forEveryone && (
        <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />}>
          {t('apps.mfaEveryone')}
        </Alert>
      )}
      <Card withBorder component="section" aria-labelledby="apps-list-title">
        <Stack>
          <Group justify="space-between" gap="xs">
            <Title order={3} size="h4" id="apps-list-title">
              {t('apps.list')}
            </Title>
            <Button size="xs" variant="light" onClick={() => setEditing('new')}>
              {t('apps.add')}
            </Button>
          </Group>
          <ErrorAlert error={policy.error ?? apps.error ?? save.error ?? newSecret.error ?? remove.error} />
          {apps.data?.length === 0 ? (
            <Text c="dimmed">{t('apps.none')}</Text>
          ) : (
            <Table aria-labelledby="apps-list-title" verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('apps.name')}</Table.Th>
                  <Table.Th>{t('apps.clientId')}</Table.Th>
                  <Table.Th>{t('apps.type')}</Table.Th>
                  <Table.Th>{t('apps.requireMfa')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('apps.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {apps.data?.map((app) => (
                  <ApplicationRow
                    key={app.id}
                    app={app}
                    busy={save.isPending || newSecret.isPending}
                    onRequireMfa={(requireMfa) =>
                      save.mutate(
                        { id: app.id, application: { ...toInput(app), requireMfa } },
                        {
                          // A confidential application without a secret gets one with any save.
                          onSuccess: ({ application, clientSecret }) => {
                            if (clientSecret)
                              setShown({
                                name: application.name,
                                clientId: application.key,
                                secret: clientSecret,
                              });
                            save.reset();
                          },
                        },
                      )
                    }
                    onEdit={() => setEditing(app)}
                    onCreateSecret={() => makeSecret(app)}
                    onNewSecret={() => askNewSecret(app)}
                    onDelete={() => remove.mutate({ id: app.id })}
                  />
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      </Card>
      <ProviderCard />
      {editing && (
        <ApplicationModal
          app={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSecret={setShown}
        />
      )}
      {shown && <SecretModal shown={shown} onClose={() => setShown(null)} />}
    </Stack>
  );
}

function ApplicationRow({
  app,
  busy,
  onRequireMfa,
  onEdit,
  onCreateSecret,
  onNewSecret,
  onDelete,
}: {
  app: Application;
  busy: boolean;
  onRequireMfa(requireMfa: boolean): void;
  onEdit(): void;
  onCreateSecret(): void;
  onNewSecret(): void;
  onDelete(): void;
}) {
  const { t, i18n } = useTranslation();
  const date = (ms: number) =>
    new Intl.DateTimeFormat(i18n.resolvedLanguage, { dateStyle: 'medium' }).format(new Date(ms));
  return (
    <Table.Tr data-testid={`application-${app.key}`}>
      <Table.Td>
        <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
          {app.name}
        </Text>
        {app.redirectUris.length === 0 && (
          <Group gap={4} wrap="nowrap" align="flex-start" mt={2}>
            <IconAlertTriangle
              size={14}
              color="var(--mantine-color-orange-text)"
              aria-hidden
              style={{ flexShrink: 0, marginTop: 2 }}
            />
            <Text size="xs" c="orange">
              {t('apps.noRedirect')}
            </Text>
          </Group>
        )}
      </Table.Td>
      <Table.Td>
        <code style={{ overflowWrap: 'anywhere' }}>{app.key}</code>
      </Table.Td>
      <Table.Td>
        <Badge
          variant="light"
          color={app.clientType === 'confidential' ? 'indigo' : 'teal'}
          tt="none"
          styles={{ root: { maxWidth: 'none' }, label: { overflow: 'visible' } }}
        >
          {t(`apps.types.${app.clientType}`)}
        </Badge>
        {app.clientType === 'confidential' &&
          (app.secretCreatedAt === null ? (
            <Stack gap={2} mt={4} align="flex-start">
              <Text size="xs" c="orange">
                {t('apps.noSecret')}
              </Text>
              <Button
                size="compact-xs"
                variant="light"
                disabled={busy}
                onClick={onCreateSecret}
                aria-label={t('apps.createSecretFor', { name: app.name })}
              >
                {t('apps.createSecret')}
              </Button>
            </Stack>
          ) : (
            <Stack gap={2} mt={4} align="flex-start">
              <Text size="xs" c="dimmed">
                {t('apps.secretMade', { date: date(app.secretCreatedAt) })}
              </Text>
              <Button
                size="compact-xs"
                variant="default"
                disabled={busy}
                onClick={onNewSecret}
                aria-label={t('apps.newSecretFor', { name: app.name })}
              >
                {t('apps.newSecret')}
              </Button>
            </Stack>
          ))}
      </Table.Td>
      <Table.Td>
        <Switch
          aria-label={t('apps.requireMfaFor', { name: app.name })}
          checked={app.requireMfa}
          disabled={busy}
          onChange={(e) => onRequireMfa(e.currentTarget.checked)}
        />
      </Table.Td>
      <Table.Td>
        <Group gap={2} justify="flex-end" wrap="nowrap">
          <ActionIcon
            variant="subtle"
            aria-label={t('common.editNamed', { name: app.name })}
            onClick={onEdit}
          >
            <IconPencil size={16} />
          </ActionIcon>
          <DeleteButton
            label={t('common.deleteNamed', { name: app.name })}
            body={t('apps.deleteBody')}
            onConfirm={onDelete}
          />
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
