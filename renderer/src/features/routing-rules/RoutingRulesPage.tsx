import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  Select,
  Stack,
  Switch,
  Table,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPencil, IconTrash } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { idpsLeftWithoutActiveRule } from '../../../../shared/admin/rules';
import type { Idp, RoutingRule, Simulation } from '../../../../shared/admin/schemas';
import { call } from '../../api/client';
import { confirmAction } from '../../app/confirm';
import { FormActions } from '../../app/FormActions';
import { ErrorAlert } from '../../app/ErrorAlert';
import { useAdminMutation, useAdminQuery } from '../admin/api';
import { EMPTY_RULE, RuleFields, type RuleBody } from './RuleFields';

/** R1–R6: rules in priority order, the default rule last, and the simulator. */
export function RoutingRulesPage() {
  const { t } = useTranslation();
  const rules = useAdminQuery('routing:rule:list', {});
  const idps = useAdminQuery('sso:idp:list', {});
  const reorder = useAdminMutation('routing:rule:reorder');
  const setDefault = useAdminMutation('routing:default:set-idp');
  const [editing, setEditing] = useState<RoutingRule | 'new' | null>(null);
  const all = rules.data ?? [];
  const ordered = all.filter((rule) => rule.type !== 'default');
  const defaultRule = all.find((rule) => rule.type === 'default');
  const idpList = idps.data ?? [];
  const idpName = (id: string) => idpList.find((idp) => idp.id === id)?.name ?? '—';

  function move(index: number, by: number) {
    const ids = ordered.map((rule) => rule.id);
    const [id] = ids.splice(index, 1);
    ids.splice(index + by, 0, id!);
    reorder.mutate({ ids });
  }

  return (
    <Stack maw={1100}>
      <Group justify="space-between">
        <Title order={2}>{t('rules.title')}</Title>
        <Button onClick={() => setEditing('new')} disabled={idpList.length === 0}>
          {t('rules.add')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t('rules.help')}
      </Text>
      <ErrorAlert error={rules.error ?? idps.error ?? reorder.error ?? setDefault.error} />
      {idpList.length === 0 && <Text c="dimmed">{t('rules.noIdps')}</Text>}
      {all.length > 0 && (
        <Table withTableBorder aria-label={t('rules.table')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={50}>#</Table.Th>
              <Table.Th>{t('rules.name')}</Table.Th>
              <Table.Th>{t('rules.matches')}</Table.Th>
              <Table.Th>{t('rules.idp')}</Table.Th>
              <Table.Th>{t('rules.mfa')}</Table.Th>
              <Table.Th>{t('rules.active')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {ordered.map((rule, index) => (
              <RuleRow
                key={rule.id}
                rule={rule}
                index={index}
                count={ordered.length}
                all={all}
                idps={idpList}
                idpName={idpName(rule.idpId)}
                onMove={(by) => move(index, by)}
                onEdit={() => setEditing(rule)}
                moving={reorder.isPending}
              />
            ))}
            {defaultRule && (
              <Table.Tr data-testid="default-rule">
                <Table.Td>—</Table.Td>
                <Table.Td>
                  <Text fw={500}>{t('rules.defaultName')}</Text>
                </Table.Td>
                <Table.Td>{t('rules.everyoneElse')}</Table.Td>
                <Table.Td>
                  <Select
                    aria-label={t('rules.defaultIdp')}
                    data={idpList.map((idp) => ({ value: idp.id, label: idp.name }))}
                    value={defaultRule.idpId}
                    onChange={(idpId) =>
                      idpId &&
                      confirmOrphans(
                        t,
                        all,
                        all.map((r) => (r.id === defaultRule.id ? { ...r, idpId } : r)),
                        idpList,
                        (acknowledged) => setDefault.mutate({ idpId, acknowledged }),
                      )
                    }
                    allowDeselect={false}
                    size="xs"
                  />
                </Table.Td>
                <Table.Td>{t(`rules.mfaShort.${defaultRule.mfa}`)}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color="green">
                    {t('rules.alwaysActive')}
                  </Badge>
                </Table.Td>
                <Table.Td />
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      )}
      {editing && (
        <RuleModal
          rule={editing === 'new' ? null : editing}
          all={all}
          idps={idpList}
          onClose={() => setEditing(null)}
        />
      )}
      <Simulator />
    </Stack>
  );
}

function RuleRow(props: {
  rule: RoutingRule;
  index: number;
  count: number;
  all: RoutingRule[];
  idps: Idp[];
  idpName: string;
  moving: boolean;
  onMove(by: number): void;
  onEdit(): void;
}) {
  const { rule, index, count, all, idps } = props;
  const { t } = useTranslation();
  const setActive = useAdminMutation('routing:rule:set-active');
  const remove = useAdminMutation('routing:rule:delete');
  function confirm(kind: 'deactivate' | 'delete') {
    const after =
      kind === 'delete'
        ? all.filter((r) => r.id !== rule.id)
        : all.map((r) => (r.id === rule.id ? { ...r, active: false } : r));
    const orphans = orphanNames(all, after, idps);
    confirmAction({
      title: t(`rules.${kind}Title`, { name: rule.name }),
      body: (
        <Stack gap="xs">
          <Text size="sm">{t(`rules.${kind}Body`)}</Text>
          {orphans && (
            <Text size="sm" c="orange" fw={500}>
              {t('rules.orphanWarning', { idps: orphans })}
            </Text>
          )}
        </Stack>
      ),
      confirm: t(`rules.${kind}`),
      color: 'red',
      onConfirm: () =>
        kind === 'delete'
          ? remove.mutate({ id: rule.id, acknowledged: true })
          : setActive.mutate({ id: rule.id, active: false, acknowledged: true }),
    });
  }

  const error = setActive.error ?? remove.error;
  return (
    <>
      <Table.Tr data-testid={`rule-${rule.name}`}>
        <Table.Td>{index + 1}</Table.Td>
        <Table.Td>
          <Text fw={500}>{rule.name}</Text>
        </Table.Td>
        <Table.Td>
          <Text size="sm">
            {t(rule.type === 'domain' ? 'rules.typeDomainShort' : 'rules.typeGroupShort')}:{' '}
            {rule.values.join(', ')}
          </Text>
        </Table.Td>
        <Table.Td>{props.idpName}</Table.Td>
        <Table.Td>
          {t(`rules.mfaShort.${rule.mfa}`)}
          {rule.mfa === 'override' && ` (${rule.mfaRequired ? t('rules.on') : t('rules.off')})`}
        </Table.Td>
        <Table.Td>
          <Switch
            aria-label={t('rules.activeLabel', { name: rule.name })}
            checked={rule.active}
            onChange={(e) =>
              e.currentTarget.checked
                ? setActive.mutate({ id: rule.id, active: true, acknowledged: false })
                : confirm('deactivate')
            }
          />
        </Table.Td>
        <Table.Td>
          <Group gap={2} wrap="nowrap" justify="flex-end">
            <ActionIcon
              variant="subtle"
              aria-label={t('rules.moveUp', { name: rule.name })}
              disabled={index === 0 || props.moving}
              onClick={() => props.onMove(-1)}
            >
              <IconArrowUp size={16} />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              aria-label={t('rules.moveDown', { name: rule.name })}
              disabled={index === count - 1 || props.moving}
              onClick={() => props.onMove(1)}
            >
              <IconArrowDown size={16} />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              aria-label={t('rules.edit', { name: rule.name })}
              onClick={props.onEdit}
            >
              <IconPencil size={16} />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('rules.deleteLabel', { name: rule.name })}
              onClick={() => confirm('delete')}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        </Table.Td>
      </Table.Tr>
      {error && (
        <Table.Tr>
          <Table.Td colSpan={7}>
            <ErrorAlert error={error} />
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}

function RuleModal({
  rule,
  all,
  idps,
  onClose,
}: {
  rule: RoutingRule | null;
  all: RoutingRule[];
  idps: Idp[];
  onClose(): void;
}) {
  const { t } = useTranslation();
  const save = useAdminMutation('routing:rule:save');
  const [body, setBody] = useState<RuleBody>(
    rule && rule.type !== 'default'
      ? {
          name: rule.name,
          type: rule.type,
          values: rule.values,
          mfa: rule.mfa,
          mfaRequired: rule.mfaRequired,
        }
      : EMPTY_RULE,
  );
  const [idpId, setIdpId] = useState<string | null>(rule?.idpId ?? idps[0]?.id ?? null);
  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={rule ? t('rules.editTitle', { name: rule.name }) : t('rules.addTitle')}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!idpId) return;
          const after = all.map((r) => (r.id === rule?.id ? { ...r, idpId } : r));
          confirmOrphans(t, all, after, idps, (acknowledged) =>
            save.mutate(
              { id: rule?.id ?? null, rule: { ...body, idpId }, acknowledged },
              { onSuccess: onClose },
            ),
          );
        }}
      >
        <Stack>
          <RuleFields value={body} onChange={setBody} idps={idps} idpId={idpId} onIdpChange={setIdpId} />
          {!rule && (
            <Text size="sm" c="dimmed">
              {t('rules.addedInactive')}
            </Text>
          )}
          <ErrorAlert error={save.error} />
          <FormActions
            onCancel={onClose}
            submitLabel={rule ? t('common.save') : t('rules.addButton')}
            loading={save.isPending}
            disabled={!idpId}
          />
        </Stack>
      </form>
    </Modal>
  );
}

/**
 * R6: when a change would leave an IdP without an active rule, say so and ask first; otherwise go
 * ahead. The core refuses the unacknowledged change too, so this is the words, not the guard.
 */
function confirmOrphans(
  t: TFunction,
  before: RoutingRule[],
  after: RoutingRule[],
  idps: Idp[],
  proceed: (acknowledged: boolean) => void,
) {
  const orphans = orphanNames(before, after, idps);
  if (!orphans) return proceed(false);
  confirmAction({
    title: t('rules.orphanTitle'),
    body: t('rules.orphanWarning', { idps: orphans }),
    confirm: t('rules.orphanConfirm'),
    color: 'orange',
    onConfirm: () => proceed(true),
  });
}

/** The names of the IdPs a change would leave without an active rule (R6), or "" for none. */
function orphanNames(before: RoutingRule[], after: RoutingRule[], idps: Idp[]): string {
  return idpsLeftWithoutActiveRule(before, after)
    .map((id) => idps.find((idp) => idp.id === id)?.name ?? id)
    .join(', ');
}

/** "Who goes where, with what MFA, and why" for any email and groups. */
function Simulator() {
  const { t } = useTranslation();
  const apps = useAdminQuery('mfa:application:list', {});
  const [email, setEmail] = useState('');
  const [groups, setGroups] = useState<string[]>([]);
  const [applicationKey, setApplicationKey] = useState<string | null>(null);
  const [userOptedIn, setUserOptedIn] = useState(false);
  const simulate = useMutation({
    mutationFn: () =>
      call('routing:simulate', {
        email: email.trim(),
        groups,
        applicationKey: applicationKey ?? '',
        userOptedIn,
      }),
  });
  return (
    <Card withBorder>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          simulate.mutate();
        }}
      >
        <Stack>
          <Title order={3} size="h4">
            {t('sim.title')}
          </Title>
          <Group grow align="flex-start">
            <TextInput
              label={t('sim.email')}
              type="email"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              required
            />
            <TagsInput label={t('sim.groups')} value={groups} onChange={setGroups} splitChars={[',']} />
          </Group>
          <Group align="flex-end">
            <Select
              label={t('sim.application')}
              placeholder={t('sim.noApplication')}
              data={(apps.data ?? []).map((app) => ({ value: app.key, label: app.name }))}
              value={applicationKey}
              onChange={setApplicationKey}
              clearable
            />
            <Checkbox
              label={t('sim.optedIn')}
              checked={userOptedIn}
              onChange={(e) => setUserOptedIn(e.currentTarget.checked)}
              mb={8}
            />
            <Button type="submit" loading={simulate.isPending} ml="auto">
              {t('sim.run')}
            </Button>
          </Group>
          <ErrorAlert error={simulate.error} />
          {simulate.data && <SimulationResult result={simulate.data} />}
        </Stack>
      </form>
    </Card>
  );
}

function SimulationResult({ result }: { result: Simulation }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" data-testid="simulation" aria-live="polite">
      {result.matched ? (
        <Text>
          {t('sim.matched', {
            email: result.email,
            rule: result.matched.ruleName,
            idp: result.matched.idpName,
          })}
        </Text>
      ) : (
        <Text c="red">{t('sim.noMatch', { email: result.email })}</Text>
      )}
      {result.mfa && (
        <Text>
          <Badge color={result.mfa.required ? 'orange' : 'gray'} variant="light" mr="xs">
            {result.mfa.required ? t('sim.mfaRequired') : t('sim.mfaNotRequired')}
          </Badge>
          {t(`sim.mfaReason.${result.mfa.reason}`)}
        </Text>
      )}
      {result.others.length > 0 && (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('sim.otherRule')}</Table.Th>
              <Table.Th>{t('sim.why')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.others.map((other) => (
              <Table.Tr key={other.ruleId}>
                <Table.Td>
                  {other.ruleName === 'Default rule' ? t('rules.defaultName') : other.ruleName}
                </Table.Td>
                <Table.Td>{t(`sim.miss.${other.reason}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
