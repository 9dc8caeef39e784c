import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Code,
  CopyButton,
  Group,
  NumberInput,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Domain, Organization } from '../../../../shared/admin/schemas';
import { DomainName } from '../../../../shared/admin/schemas';
import { DeleteButton } from '../../app/confirm';
import { SaveActions } from '../../app/FormActions';
import { ErrorAlert, describeError } from '../../app/ErrorAlert';
import { useAdminMutation, useAdminQuery } from '../admin/api';
import { ConfigAsCode } from './ConfigAsCode';
import { NewUserEmailCard } from '../alerts/NewUserEmailCard';

/** The organization's name, the sign-in service's port, and its domains (verify, then claim). */
export function OrganizationPage() {
  const { t } = useTranslation();
  const org = useAdminQuery('admin:org:get', {});
  return (
    <Stack maw={960}>
      <Title order={2}>{t('org.title')}</Title>
      <ErrorAlert error={org.error} />
      {org.data && (
        <OrgSettings
          key={JSON.stringify([org.data.name, org.data.dnsResolver, org.data.signinPort])}
          org={org.data}
        />
      )}
      {org.data && <Domains org={org.data} />}
      {org.data && <ConfigAsCode />}
      {org.data && <NewUserEmailCard />}
    </Stack>
  );
}

function OrgSettings({ org }: { org: Organization }) {
  const { t } = useTranslation();
  const update = useAdminMutation('admin:org:update');
  const [name, setName] = useState(org.name);
  const [resolver, setResolver] = useState(org.dnsResolver ?? '');
  const [port, setPort] = useState<number>(org.signinPort);
  return (
    <Card withBorder>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          // The saved values remount this card (its key), which drops mutate()'s own callbacks;
          // the promise resolves whatever happens to the component. Errors show through update.error.
          update
            .mutateAsync({ name, dnsResolver: resolver.trim() || null, signinPort: port })
            .then(() => notifications.show({ color: 'green', message: t('org.saved') }))
            .catch(() => undefined);
        }}
      >
        <Stack>
          <Group grow align="flex-start">
            <TextInput
              label={t('org.name')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              required
            />
            <NumberInput
              label={t('org.signinPort')}
              description={t('org.signinPortHint')}
              value={port}
              min={1024}
              max={65535}
              onChange={(value) => setPort(typeof value === 'number' ? value : Number(value))}
            />
            <TextInput
              label={t('org.resolver')}
              description={t('org.resolverHint')}
              placeholder="1.1.1.1"
              value={resolver}
              onChange={(e) => setResolver(e.currentTarget.value)}
            />
          </Group>
          <Text size="sm" c="dimmed">
            {t('org.id')}: <Code>{org.id}</Code> · {t('org.entityId')}: <Code>{org.sp.entityId}</Code>
          </Text>
          <SigninService />
          <SaveActions error={update.error} loading={update.isPending} />
        </Stack>
      </form>
    </Card>
  );
}

/** Where people sign in (SPEC §2), and why it is not running when it is not. */
function SigninService() {
  const { t } = useTranslation();
  const broker = useAdminQuery('sso:broker:get', {});
  if (!broker.data) return null;
  return broker.data.running ? (
    <Text size="sm" c="dimmed">
      {t('org.signinUrl')}: <Code>{broker.data.url}</Code>
    </Text>
  ) : (
    <Alert color="red" title={t('org.signinStopped')}>
      {broker.data.problem}
    </Alert>
  );
}

function Domains({ org }: { org: Organization }) {
  const { t } = useTranslation();
  const add = useAdminMutation('admin:domain:add');
  const [name, setName] = useState('');
  const [formError, setFormError] = useState<string | null>(null);
  return (
    <Card withBorder>
      <Stack>
        <Title order={3} size="h4">
          {t('org.domains')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('org.domainsHelp')}
        </Text>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            const parsed = DomainName.safeParse(name);
            if (!parsed.success) {
              setFormError(t('org.domainInvalid'));
              return;
            }
            setFormError(null);
            add.mutate({ name: parsed.data }, { onSuccess: () => setName('') });
          }}
        >
          <Group align="flex-end">
            <TextInput
              label={t('org.addDomain')}
              placeholder="example.com"
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={formError}
              style={{ flex: 1 }}
            />
            <Button type="submit" loading={add.isPending}>
              {t('org.addDomainButton')}
            </Button>
          </Group>
        </form>
        <ErrorAlert error={add.error} />
        {org.domains.length === 0 ? (
          <Text c="dimmed">{t('org.noDomains')}</Text>
        ) : (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('org.domain')}</Table.Th>
                <Table.Th>{t('org.status')}</Table.Th>
                <Table.Th>{t('org.claimed')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {org.domains.map((domain) => (
                <DomainRow key={domain.name} domain={domain} />
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Card>
  );
}

function DomainRow({ domain }: { domain: Domain }) {
  const { t } = useTranslation();
  const verify = useAdminMutation('admin:domain:verify');
  const claim = useAdminMutation('admin:domain:claim');
  const remove = useAdminMutation('admin:domain:delete');
  const verified = domain.verifiedAt !== null;
  const error = verify.error ?? claim.error ?? remove.error;
  return (
    <>
      <Table.Tr>
        <Table.Td fw={500}>{domain.name}</Table.Td>
        <Table.Td>
          <Badge color={verified ? 'green' : 'yellow'} variant="light">
            {verified ? t('org.verified') : t('org.pending')}
          </Badge>
        </Table.Td>
        <Table.Td>
          <Switch
            aria-label={t('org.claimLabel', { domain: domain.name })}
            checked={domain.claimed}
            disabled={!verified || claim.isPending}
            onChange={(e) => claim.mutate({ name: domain.name, claimed: e.currentTarget.checked })}
          />
        </Table.Td>
        <Table.Td>
          <Group gap="xs" justify="flex-end" wrap="nowrap">
            {!verified && (
              <Button
                size="xs"
                variant="light"
                loading={verify.isPending}
                onClick={() =>
                  verify.mutate(
                    { name: domain.name },
                    {
                      onSuccess: () =>
                        notifications.show({
                          color: 'green',
                          message: t('org.verifiedToast', { domain: domain.name }),
                        }),
                    },
                  )
                }
              >
                {t('org.verify')}
              </Button>
            )}
            <DeleteButton
              label={t('org.deleteDomain', { domain: domain.name })}
              body={t('org.deleteDomainBody')}
              onConfirm={() => remove.mutate({ name: domain.name })}
            />
          </Group>
        </Table.Td>
      </Table.Tr>
      {(!verified || error) && (
        <Table.Tr>
          <Table.Td colSpan={4}>
            {!verified && (
              <Stack gap={4}>
                <Text size="sm">{t('org.addRecord')}</Text>
                <Group gap="xs" wrap="nowrap">
                  <Text size="sm" c="dimmed" w={60}>
                    {t('org.recordName')}
                  </Text>
                  <Code>{domain.recordName}</Code>
                  <Copy value={domain.recordName} />
                </Group>
                <Group gap="xs" wrap="nowrap">
                  <Text size="sm" c="dimmed" w={60}>
                    TXT
                  </Text>
                  <Code data-testid={`token-${domain.name}`}>{domain.token}</Code>
                  <Copy value={domain.token} />
                </Group>
              </Stack>
            )}
            {error && (
              <Text c="red" size="sm" role="alert">
                {describeError(error)}
              </Text>
            )}
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}

function Copy({ value }: { value: string }) {
  const { t } = useTranslation();
  return (
    <CopyButton value={value}>
      {({ copied, copy }) => (
        <ActionIcon
          variant="subtle"
          onClick={copy}
          aria-label={copied ? t('common.copied') : t('common.copy')}
        >
          {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
        </ActionIcon>
      )}
    </CopyButton>
  );
}
