import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Menu,
  Stack,
  Switch,
  Text,
  Title,
} from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconDots } from '@tabler/icons-react';
import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Idp, RoutingRule } from '../../../../shared/admin/schemas';
import { call } from '../../api/client';
import { downloadText } from '../../app/download';
import { confirmAction } from '../../app/confirm';
import { FormActions } from '../../app/FormActions';
import { ErrorAlert, describeError } from '../../app/ErrorAlert';
import { useAdminMutation, useAdminQuery } from '../admin/api';
import { MENU_TEXT } from '../../app/theme';
import { BuiltinModal } from './BuiltinModal';
import { LocalUsers } from './LocalUsers';
import { OidcModal } from './OidcModal';
import { SamlWizard } from './SamlWizard';
import { TestSsoModal } from './TestSsoModal';

type Editing = { kind: 'saml' | 'oidc'; idp: Idp | null } | { kind: 'builtin' } | null;

export const STATUS_COLOR: Record<Idp['status'], string> = {
  live: 'green',
  'not-activated': 'gray',
  'no-active-rule': 'yellow',
  'sso-off': 'orange',
};

/** I1–I5: the identity providers, SSO as a whole, and each IdP's lifecycle. */
export function IdentityProvidersPage() {
  const { t } = useTranslation();
  const idps = useAdminQuery('sso:idp:list', {});
  const rules = useAdminQuery('routing:rule:list', {});
  const org = useAdminQuery('admin:org:get', {});
  const setSso = useAdminMutation('sso:sso:set-enabled');
  const [editing, setEditing] = useState<Editing>(null);
  const hasBuiltin = idps.data?.some((idp) => idp.kind === 'builtin') ?? false;

  return (
    <Stack maw={960}>
      <Group justify="space-between">
        <Title order={2}>{t('idp.title')}</Title>
        <Menu position="bottom-end">
          <Menu.Target>
            <Button rightSection={<IconChevronDown size={16} />}>{t('idp.add')}</Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={() => setEditing({ kind: 'saml', idp: null })}>{t('idp.addSaml')}</Menu.Item>
            <Menu.Item onClick={() => setEditing({ kind: 'oidc', idp: null })}>{t('idp.addOidc')}</Menu.Item>
            <Menu.Item disabled={hasBuiltin} onClick={() => setEditing({ kind: 'builtin' })}>
              {t('idp.addBuiltin')}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
      <ErrorAlert error={idps.error ?? org.error} />
      {org.data && (
        <Card withBorder>
          <Group justify="space-between">
            <div>
              <Text fw={500}>{t('idp.ssoSwitch')}</Text>
              <Text size="sm" c="dimmed">
                {org.data.ssoEnabled ? t('idp.ssoSwitchOn') : t('idp.ssoSwitchOff')}
              </Text>
            </div>
            <Switch
              aria-label={t('idp.ssoSwitch')}
              checked={org.data.ssoEnabled}
              onChange={(event) => {
                const enabled = event.currentTarget.checked;
                confirmAction({
                  title: enabled ? t('idp.ssoOnTitle') : t('idp.ssoOffTitle'),
                  body: enabled ? t('idp.ssoOnBody') : t('idp.ssoOffBody'),
                  confirm: enabled ? t('idp.ssoOn') : t('idp.ssoOff'),
                  ...(enabled ? {} : { color: 'red' as const }),
                  onConfirm: () => setSso.mutate({ enabled, confirm: true }),
                });
              }}
            />
          </Group>
          <ErrorAlert error={setSso.error} />
        </Card>
      )}
      {idps.data?.length === 0 && <Text c="dimmed">{t('idp.empty')}</Text>}
      {idps.data?.map((idp) => (
        <IdpCard
          key={idp.id}
          idp={idp}
          rules={rules.data ?? []}
          onEdit={() => idp.kind !== 'builtin' && setEditing({ kind: idp.kind, idp })}
        />
      ))}
      {hasBuiltin && <LocalUsers />}
      {editing?.kind === 'saml' && <SamlWizard idp={editing.idp} onClose={() => setEditing(null)} />}
      {editing?.kind === 'oidc' && <OidcModal idp={editing.idp} onClose={() => setEditing(null)} />}
      {editing?.kind === 'builtin' && (
        <BuiltinModal first={(idps.data?.length ?? 0) === 0} onClose={() => setEditing(null)} />
      )}
    </Stack>
  );
}

function IdpCard({ idp, rules, onEdit }: { idp: Idp; rules: RoutingRule[]; onEdit(): void }) {
  const { t } = useTranslation();
  const activate = useAdminMutation('sso:idp:set-activated');
  const [testing, setTesting] = useState(false);
  const own = rules.filter((rule) => rule.idpId === idp.id);
  const detail = idp.saml?.entityId ?? idp.oidc?.issuer ?? t('idp.builtinDetail');
  return (
    <Card withBorder data-testid={`idp-${idp.name}`}>
      <Group justify="space-between" wrap="nowrap">
        <div style={{ minWidth: 0 }}>
          <Group gap="xs">
            <Text fw={600}>{idp.name}</Text>
            <Badge variant="outline">{t(`idp.kind.${idp.kind}`)}</Badge>
            <Badge color={STATUS_COLOR[idp.status]} variant="light">
              {t(`idp.status.${idp.status}`)}
            </Badge>
            {idp.saml && idp.saml.trust !== 'public-root' && (
              <Badge color="yellow" variant="dot">
                {t('idp.lessSecure')}
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dimmed" truncate>
            {detail}
          </Text>
          <Text size="sm" c="dimmed">
            {t('idp.rulesCount', { count: own.length })}
          </Text>
        </div>
        <Group gap="xs" wrap="nowrap">
          {/* S6, O4, C3: test before activating, and at any time after. */}
          {idp.kind !== 'builtin' && (
            <Button size="xs" variant="light" onClick={() => setTesting(true)}>
              {t('test.run')}
            </Button>
          )}
          {!idp.activated && (
            <Button
              size="xs"
              onClick={() =>
                confirmAction({
                  title: t('idp.activateTitle', { name: idp.name }),
                  body: t('idp.activateBody'),
                  confirm: t('idp.activate'),
                  onConfirm: () => activate.mutate({ id: idp.id, activated: true }),
                })
              }
            >
              {t('idp.activate')}
            </Button>
          )}
          <Menu position="bottom-end">
            <Menu.Target>
              <ActionIcon variant="subtle" aria-label={t('idp.actions', { name: idp.name })}>
                <IconDots size={18} />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              {idp.kind !== 'builtin' && <Menu.Item onClick={onEdit}>{t('common.edit')}</Menu.Item>}
              {idp.activated && (
                <Menu.Item
                  onClick={() =>
                    confirmAction({
                      title: t('idp.deactivateTitle', { name: idp.name }),
                      body: t('idp.deactivateBody'),
                      confirm: t('idp.deactivate'),
                      color: 'red',
                      onConfirm: () => activate.mutate({ id: idp.id, activated: false }),
                    })
                  }
                >
                  {t('idp.deactivate')}
                </Menu.Item>
              )}
              {idp.kind === 'saml' && (
                <Menu.Item
                  onClick={() =>
                    void call('sso:idp:metadata', { id: idp.id }).then(
                      ({ fileName, xml }) => downloadText(fileName, xml, 'application/xml'),
                      (error: unknown) => notifications.show({ color: 'red', message: describeError(error) }),
                    )
                  }
                >
                  {t('idp.downloadMetadata')}
                </Menu.Item>
              )}
              <Menu.Item color="red" c={MENU_TEXT.red} onClick={() => openDeleteIdp(idp, own, t)}>
                {t('common.delete')}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Group>
      <ErrorAlert error={activate.error} />
      {testing && <TestSsoModal idp={idp} onClose={() => setTesting(false)} />}
    </Card>
  );
}

/** I4: show the IdP's rules first; deleting them too is an explicit choice. */
function openDeleteIdp(idp: Idp, rules: RoutingRule[], t: TFunction) {
  const ownRules = rules.filter((rule) => rule.type !== 'default');
  const id = modals.open({
    title: t('idp.deleteTitle', { name: idp.name }),
    children: (
      <DeleteIdp
        idp={idp}
        ownRules={ownRules}
        hasDefault={rules.some((r) => r.type === 'default')}
        onDone={() => modals.close(id)}
      />
    ),
  });
}

function DeleteIdp({
  idp,
  ownRules,
  hasDefault,
  onDone,
}: {
  idp: Idp;
  ownRules: RoutingRule[];
  hasDefault: boolean;
  onDone(): void;
}) {
  const { t } = useTranslation();
  const remove = useAdminMutation('sso:idp:delete');
  const [withRules, setWithRules] = useState(false);
  return (
    <Stack>
      <Text size="sm">{t('idp.deleteBody')}</Text>
      {hasDefault && <Alert color="yellow">{t('idp.deleteHasDefault')}</Alert>}
      {ownRules.length > 0 && (
        <>
          <Alert color="yellow">
            {t('idp.deleteHasRules', {
              count: ownRules.length,
              rules: ownRules.map((r) => r.name).join(', '),
            })}
          </Alert>
          <Checkbox
            label={t('idp.deleteRulesToo')}
            checked={withRules}
            onChange={(e) => setWithRules(e.currentTarget.checked)}
          />
        </>
      )}
      {idp.kind === 'builtin' && <Alert color="yellow">{t('idp.deleteBuiltinUsers')}</Alert>}
      <ErrorAlert error={remove.error} />
      <FormActions
        onCancel={onDone}
        submitLabel={t('idp.deleteConfirm')}
        color="red"
        loading={remove.isPending}
        disabled={ownRules.length > 0 && !withRules}
        onSubmit={() =>
          remove.mutate({ id: idp.id, deleteRules: withRules, confirm: true }, { onSuccess: onDone })
        }
      />
    </Stack>
  );
}
