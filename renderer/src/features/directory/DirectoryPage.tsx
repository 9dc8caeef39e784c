import {
  Badge,
  Button,
  Card,
  Code,
  Group,
  Loader,
  Modal,
  Stack,
  Switch,
  Table,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  PROFILE_FIELDS,
  type DirectorySettings,
  type DirectoryUser,
} from '../../../../shared/admin/directory';
import { confirmAction } from '../../app/confirm';
import { SaveActions } from '../../app/FormActions';
import { ErrorAlert } from '../../app/ErrorAlert';
import { useAdminMutation, useAdminQuery } from '../admin/api';

/** The core's "locked until an administrator resets it" (throttle.ts UNTIL_RESET). */
const LOCKED_UNTIL_RESET = Number.MAX_SAFE_INTEGER;

/** §2 directory, J0, J2, M8: the directory's switches, and its users with their MFA state. */
export function DirectoryPage() {
  const { t } = useTranslation();
  const settings = useAdminQuery('directory:settings:get', {});
  // Here, not in the card: the card is remounted with the saved values before mutate's callbacks run.
  const save = useAdminMutation('directory:settings:set');
  return (
    <Stack maw={1200}>
      <Title order={2}>{t('directory.title')}</Title>
      <ErrorAlert error={settings.error} />
      {settings.data && (
        <SettingsCard key={JSON.stringify(settings.data)} settings={settings.data} save={save} />
      )}
      <Users />
    </Stack>
  );
}

function SettingsCard({
  settings,
  save,
}: {
  settings: DirectorySettings;
  save: ReturnType<typeof useAdminMutation<'directory:settings:set'>>;
}) {
  const { t } = useTranslation();
  const [directorySync, setDirectorySync] = useState(settings.directorySync);
  const [blockProfileUpdate, setBlockProfileUpdate] = useState(settings.blockProfileUpdate);
  const [licenseTemplate, setLicenseTemplate] = useState(settings.licenseTemplate);
  return (
    <Card withBorder>
      <form
        aria-label={t('directory.settings')}
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate(
            { directorySync, blockProfileUpdate, licenseTemplate },
            { onSuccess: () => notifications.show({ color: 'green', message: t('directory.saved') }) },
          );
        }}
      >
        <Stack>
          <Title order={3} size="h4">
            {t('directory.settings')}
          </Title>
          <Switch
            label={t('directory.directorySync')}
            description={t('directory.directorySyncHint')}
            checked={directorySync}
            onChange={(event) => setDirectorySync(event.currentTarget.checked)}
          />
          <Switch
            label={t('directory.blockProfileUpdate')}
            description={t('directory.blockProfileUpdateHint')}
            checked={blockProfileUpdate}
            onChange={(event) => setBlockProfileUpdate(event.currentTarget.checked)}
          />
          <TagsInput
            label={t('directory.licenseTemplate')}
            description={t('directory.licenseTemplateHint')}
            value={licenseTemplate}
            onChange={setLicenseTemplate}
            maxTags={50}
            maw={640}
          />
          <SaveActions error={save.error} loading={save.isPending} />
        </Stack>
      </form>
    </Card>
  );
}

function useDateFormat() {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (time: number) => format.format(new Date(time));
}

function MfaStatus({ user }: { user: DirectoryUser }) {
  const { t } = useTranslation();
  const formatDate = useDateFormat();
  const { lockedUntil, enrolled } = user.mfa;
  if (lockedUntil !== null) {
    return (
      <Badge color="red" variant="light" tt="none">
        {lockedUntil >= LOCKED_UNTIL_RESET
          ? t('directory.mfaStatus.lockedUntilReset')
          : t('directory.mfaStatus.lockedUntil', { time: formatDate(lockedUntil) })}
      </Badge>
    );
  }
  return enrolled ? (
    <Badge color="green" variant="light" tt="none">
      {t('directory.mfaStatus.enrolled')}
    </Badge>
  ) : (
    <Badge color="gray" variant="light" tt="none">
      {t('directory.mfaStatus.notEnrolled')}
    </Badge>
  );
}

function Users() {
  const { t } = useTranslation();
  const formatDate = useDateFormat();
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), 250);
  const users = useAdminQuery('directory:user:list', { query });
  const resetMfa = useAdminMutation('directory:user:reset-mfa');
  const [shownId, setShownId] = useState<string | null>(null);
  const list = users.data ?? [];
  // The row as last fetched, so the dialog follows a reset or a refresh.
  const shown = list.find((user) => user.id === shownId);

  function confirmReset(user: DirectoryUser) {
    confirmAction({
      title: t('directory.resetMfaFor', { email: user.email }),
      body: t('directory.resetMfaBody', { email: user.email }),
      confirm: t('directory.resetMfa'),
      color: 'orange',
      onConfirm: () =>
        resetMfa.mutate(
          { id: user.id },
          {
            onSuccess: () =>
              notifications.show({
                color: 'green',
                message: t('directory.resetMfaDone', { email: user.email }),
              }),
          },
        ),
    });
  }

  return (
    <Card withBorder>
      <Stack>
        <Group justify="space-between" align="flex-end">
          <Title order={3} size="h4">
            {t('directory.users')}
          </Title>
          {users.data && (
            <Text size="sm" c="dimmed" aria-live="polite">
              {t('directory.count', { count: list.length })}
            </Text>
          )}
        </Group>
        <TextInput
          label={t('directory.search')}
          placeholder={t('directory.searchHint')}
          type="search"
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          leftSection={<IconSearch size={16} />}
          rightSection={users.isFetching ? <Loader size="xs" /> : null}
          maxLength={200}
          maw={480}
        />
        <ErrorAlert error={users.error ?? resetMfa.error} />
        {users.data && list.length === 0 ? (
          <Text c="dimmed">{query ? t('directory.noMatch', { query }) : t('directory.empty')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={800}>
            <Table aria-label={t('directory.users')} verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('directory.email')}</Table.Th>
                  <Table.Th>{t('directory.displayName')}</Table.Th>
                  <Table.Th>{t('directory.groups')}</Table.Th>
                  <Table.Th>{t('directory.mfa')}</Table.Th>
                  <Table.Th>{t('directory.lastSignIn')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((user) => (
                  <Table.Tr key={user.id} data-user={user.email}>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Text size="sm">{user.email}</Text>
                        {!user.active && (
                          <Badge color="gray" size="xs">
                            {t('directory.inactive')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>{displayName(user) || '—'}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {user.groups.map((group) => (
                          <Badge key={group} variant="outline" size="sm" tt="none">
                            {group}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <MfaStatus user={user} />
                    </Table.Td>
                    <Table.Td>
                      {user.lastSignInAt === null ? t('directory.never') : formatDate(user.lastSignInAt)}
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" justify="flex-end" wrap="nowrap">
                        <Button
                          size="xs"
                          variant="default"
                          aria-label={t('directory.detailsFor', { email: user.email })}
                          onClick={() => setShownId(user.id)}
                        >
                          {t('directory.details')}
                        </Button>
                        {(user.mfa.enrolled || user.mfa.lockedUntil !== null) && (
                          <Button
                            size="xs"
                            variant="light"
                            color="orange"
                            aria-label={t('directory.resetMfaFor', { email: user.email })}
                            loading={resetMfa.isPending && resetMfa.variables?.id === user.id}
                            onClick={() => confirmReset(user)}
                          >
                            {t('directory.resetMfa')}
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      {shown && <UserModal user={shown} onClose={() => setShownId(null)} />}
    </Card>
  );
}

/** Everything the directory holds about one user: profile attributes (J6/J7), groups, licences. */
function UserModal({ user, onClose }: { user: DirectoryUser; onClose(): void }) {
  const { t } = useTranslation();
  const formatDate = useDateFormat();
  const attributes = PROFILE_FIELDS.filter((field) => user.profile[field] !== undefined);
  return (
    <Modal opened onClose={onClose} title={t('directory.detailsFor', { email: user.email })} size="lg">
      <Stack>
        <Group gap="xs">
          <MfaStatus user={user} />
          {user.mfa.optedIn && (
            <Badge variant="light" color="blue">
              {t('directory.optedIn')}
            </Badge>
          )}
          {!user.active && <Badge color="gray">{t('directory.inactive')}</Badge>}
        </Group>
        <Text size="sm" c="dimmed">
          {t('directory.created', { source: user.createdBy, date: formatDate(user.createdAt) })} ·{' '}
          {t('directory.updated', { date: formatDate(user.updatedAt) })}
        </Text>

        <Title order={3} size="h5">
          {t('directory.profile')}
        </Title>
        {attributes.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('directory.noProfile')}
          </Text>
        ) : (
          <Table withTableBorder aria-label={t('directory.profile')}>
            <Table.Tbody>
              {attributes.map((field) => (
                <Table.Tr key={field}>
                  <Table.Th scope="row" w="40%">
                    <Code>{field}</Code>
                  </Table.Th>
                  <Table.Td style={{ wordBreak: 'break-word' }}>{user.profile[field]}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}

        <Title order={3} size="h5">
          {t('directory.groups')}
        </Title>
        {user.groups.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('directory.noGroups')}
          </Text>
        ) : (
          <Group gap={4}>
            {user.groups.map((group) => (
              <Badge key={group} variant="outline" tt="none">
                {group}
              </Badge>
            ))}
          </Group>
        )}

        <Title order={3} size="h5">
          {t('directory.licenses')}
        </Title>
        {user.licenses.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('directory.noLicenses')}
          </Text>
        ) : (
          <Group gap={4}>
            {user.licenses.map((license) => (
              <Badge key={license} variant="light" tt="none">
                {license}
              </Badge>
            ))}
          </Group>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('directory.close')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The display name, or the given and family names when the IdP sends no display name. */
function displayName(user: DirectoryUser): string {
  return (
    user.profile.displayName ??
    [user.profile['name.givenName'], user.profile['name.familyName']].filter(Boolean).join(' ')
  );
}
