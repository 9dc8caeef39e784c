import {
  ActionIcon,
  Button,
  Card,
  Group,
  Modal,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Application, MfaPolicy } from '../../../../shared/admin/schemas';
import { DeleteButton } from '../../app/confirm';
import { FormActions } from '../../app/FormActions';
import { ErrorAlert } from '../../app/ErrorAlert';
import { useAdminMutation, useAdminQuery } from '../admin/api';

const SWITCHES: { key: keyof MfaPolicy; needsEnabled: boolean }[] = [
  { key: 'enabled', needsEnabled: false },
  { key: 'allowPerUser', needsEnabled: true },
  { key: 'mandatoryForApplications', needsEnabled: true },
  { key: 'mandatoryForOrganization', needsEnabled: true },
];

/** M1–M4 and the applications registry M3 relies on. */
export function MfaPolicyPage() {
  const { t } = useTranslation();
  const policy = useAdminQuery('mfa:policy:get', {});
  const setPolicy = useAdminMutation('mfa:policy:set');
  return (
    <Stack maw={960}>
      <Title order={2}>{t('mfa.title')}</Title>
      <ErrorAlert error={policy.error ?? setPolicy.error} />
      {policy.data && (
        <Card withBorder>
          <Stack>
            {SWITCHES.map(({ key, needsEnabled }) => (
              <Switch
                key={key}
                label={t(`mfa.${key}`)}
                description={t(`mfa.${key}Hint`)}
                checked={policy.data[key]}
                disabled={(needsEnabled && !policy.data.enabled) || setPolicy.isPending}
                onChange={(e) => setPolicy.mutate({ ...policy.data, [key]: e.currentTarget.checked })}
              />
            ))}
          </Stack>
        </Card>
      )}
      <Applications />
    </Stack>
  );
}

function Applications() {
  const { t } = useTranslation();
  const apps = useAdminQuery('mfa:application:list', {});
  const save = useAdminMutation('mfa:application:save');
  const remove = useAdminMutation('mfa:application:delete');
  const [editing, setEditing] = useState<Application | 'new' | null>(null);
  return (
    <Card withBorder>
      <Stack>
        <Group justify="space-between">
          <Title order={3} size="h4">
            {t('mfa.applications')}
          </Title>
          <Button size="xs" variant="light" onClick={() => setEditing('new')}>
            {t('mfa.addApplication')}
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          {t('mfa.applicationsHelp')}
        </Text>
        <ErrorAlert error={apps.error ?? save.error ?? remove.error} />
        {apps.data?.length === 0 ? (
          <Text c="dimmed">{t('mfa.noApplications')}</Text>
        ) : (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('mfa.appName')}</Table.Th>
                <Table.Th>{t('mfa.appKey')}</Table.Th>
                <Table.Th>{t('mfa.requireMfa')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {apps.data?.map((app) => (
                <Table.Tr key={app.id}>
                  <Table.Td>{app.name}</Table.Td>
                  <Table.Td>
                    <code>{app.key}</code>
                  </Table.Td>
                  <Table.Td>
                    <Switch
                      aria-label={t('mfa.requireMfaFor', { name: app.name })}
                      checked={app.requireMfa}
                      onChange={(e) =>
                        save.mutate({
                          id: app.id,
                          application: { name: app.name, key: app.key, requireMfa: e.currentTarget.checked },
                        })
                      }
                    />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={2} justify="flex-end" wrap="nowrap">
                      <ActionIcon
                        variant="subtle"
                        aria-label={t('common.editNamed', { name: app.name })}
                        onClick={() => setEditing(app)}
                      >
                        <IconPencil size={16} />
                      </ActionIcon>
                      <DeleteButton
                        label={t('common.deleteNamed', { name: app.name })}
                        body={t('mfa.deleteApplicationBody')}
                        onConfirm={() => remove.mutate({ id: app.id })}
                      />
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      {editing && (
        <ApplicationModal app={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </Card>
  );
}

function ApplicationModal({ app, onClose }: { app: Application | null; onClose(): void }) {
  const { t } = useTranslation();
  const save = useAdminMutation('mfa:application:save');
  const [name, setName] = useState(app?.name ?? '');
  const [key, setKey] = useState(app?.key ?? '');
  const [requireMfa, setRequireMfa] = useState(app?.requireMfa ?? false);
  return (
    <Modal
      opened
      onClose={onClose}
      title={app ? t('common.editNamed', { name: app.name }) : t('mfa.addApplication')}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate(
            { id: app?.id ?? null, application: { name, key, requireMfa } },
            { onSuccess: onClose },
          );
        }}
      >
        <Stack>
          <TextInput
            label={t('mfa.appName')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            required
            data-autofocus
          />
          <TextInput
            label={t('mfa.appKey')}
            description={t('mfa.appKeyHint')}
            value={key}
            onChange={(e) => setKey(e.currentTarget.value)}
            required
          />
          <Switch
            label={t('mfa.requireMfa')}
            checked={requireMfa}
            onChange={(e) => setRequireMfa(e.currentTarget.checked)}
          />
          <ErrorAlert error={save.error} />
          <FormActions onCancel={onClose} submitLabel={t('common.save')} loading={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
