import {
  Alert,
  Button,
  Group,
  Modal,
  PasswordInput,
  SegmentedControl,
  Stack,
  Switch,
  Table,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Idp, OidcEndpoints } from '../../../../shared/admin/schemas';
import { call } from '../../api/client';
import { FormActions } from '../../app/FormActions';
import { ErrorAlert } from '../../app/ErrorAlert';
import { useAdminMutation, useAdminQuery } from '../admin/api';

const MANUAL_FIELDS = [
  'issuer',
  'authorizationEndpoint',
  'tokenEndpoint',
  'jwksUri',
  'userinfoEndpoint',
  'endSessionEndpoint',
] as const;
type ManualField = (typeof MANUAL_FIELDS)[number];

/** O1–O2: client, scopes, and endpoints from a discovery URL or entered by hand. */
export function OidcModal({ idp, onClose }: { idp: Idp | null; onClose(): void }) {
  const { t } = useTranslation();
  const current = idp?.oidc ?? null;
  const org = useAdminQuery('admin:org:get', {});
  const save = useAdminMutation('sso:idp:save-oidc');
  const [name, setName] = useState(idp?.name ?? '');
  const [clientId, setClientId] = useState(current?.clientId ?? '');
  const [clientSecret, setClientSecret] = useState('');
  const [scopes, setScopes] = useState<string[]>(current?.scopes ?? ['openid', 'email', 'profile']);
  const [automaticLogout, setAutomaticLogout] = useState(current?.automaticLogout ?? false);
  const [mode, setMode] = useState<'discovery' | 'manual'>(
    current && !current.discoveryUrl ? 'manual' : 'discovery',
  );
  const [discoveryUrl, setDiscoveryUrl] = useState(current?.discoveryUrl ?? '');
  const [manual, setManual] = useState<Record<ManualField, string>>({
    issuer: current?.issuer ?? '',
    authorizationEndpoint: current?.authorizationEndpoint ?? '',
    tokenEndpoint: current?.tokenEndpoint ?? '',
    jwksUri: current?.jwksUri ?? '',
    userinfoEndpoint: current?.userinfoEndpoint ?? '',
    endSessionEndpoint: current?.endSessionEndpoint ?? '',
  });
  const discover = useMutation({
    mutationFn: () => call('sso:oidc:discover', { discoveryUrl: discoveryUrl.trim() }),
  });

  function submit() {
    save.mutate(
      {
        id: idp?.id ?? null,
        idp: {
          name,
          clientId,
          clientSecret,
          scopes,
          automaticLogout,
          endpoints:
            mode === 'discovery'
              ? { kind: 'discovery', discoveryUrl: discoveryUrl.trim() }
              : {
                  kind: 'manual',
                  ...(Object.fromEntries(MANUAL_FIELDS.map((f) => [f, manual[f].trim()])) as Record<
                    ManualField,
                    string
                  >),
                },
        },
      },
      { onSuccess: onClose },
    );
  }

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={idp ? t('oidc.editTitle', { name: idp.name }) : t('oidc.title')}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack>
          <TextInput
            label={t('oidc.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            required
            data-autofocus
          />
          {org.data && (
            <Text size="sm" c="dimmed">
              {t('oidc.redirectUri')}: <code>{org.data.sp.oidcRedirectUri}</code>
            </Text>
          )}
          <TextInput
            label={t('oidc.clientId')}
            value={clientId}
            onChange={(e) => setClientId(e.currentTarget.value)}
            required
          />
          <PasswordInput
            label={t('oidc.clientSecret')}
            description={current?.hasClientSecret ? t('oidc.clientSecretKeep') : t('oidc.clientSecretHint')}
            value={clientSecret}
            onChange={(e) => setClientSecret(e.currentTarget.value)}
            required={!current?.hasClientSecret}
            autoComplete="off"
          />
          <TagsInput
            label={t('oidc.scopes')}
            description={t('oidc.scopesHint')}
            value={scopes}
            onChange={setScopes}
            splitChars={[' ', ',']}
          />
          <SegmentedControl
            value={mode}
            onChange={(value) => setMode(value as typeof mode)}
            data={[
              { value: 'discovery', label: t('oidc.discovery') },
              { value: 'manual', label: t('oidc.manual') },
            ]}
          />
          {mode === 'discovery' ? (
            <Stack gap="xs">
              <Group align="flex-end">
                <TextInput
                  label={t('oidc.discoveryUrl')}
                  placeholder="https://login.example.com/.well-known/openid-configuration"
                  value={discoveryUrl}
                  onChange={(e) => setDiscoveryUrl(e.currentTarget.value)}
                  style={{ flex: 1 }}
                  required
                />
                <Button
                  variant="light"
                  loading={discover.isPending}
                  onClick={() => discover.mutate()}
                  disabled={!discoveryUrl.trim()}
                >
                  {t('oidc.fetch')}
                </Button>
              </Group>
              <ErrorAlert error={discover.error} />
              {discover.data && <Endpoints endpoints={discover.data} />}
            </Stack>
          ) : (
            <Stack gap="xs">
              {MANUAL_FIELDS.map((field) => (
                <TextInput
                  key={field}
                  label={t(`oidc.field.${field}`)}
                  value={manual[field]}
                  onChange={(e) => setManual({ ...manual, [field]: e.currentTarget.value })}
                  required={field === 'endSessionEndpoint' ? automaticLogout : field !== 'userinfoEndpoint'}
                />
              ))}
            </Stack>
          )}
          <Switch
            label={t('oidc.automaticLogout')}
            description={t('oidc.automaticLogoutHint')}
            checked={automaticLogout}
            onChange={(e) => setAutomaticLogout(e.currentTarget.checked)}
          />
          {automaticLogout && org.data && (
            <Text size="sm" c="dimmed">
              {t('oidc.postLogoutRedirectUri')}: <code>{org.data.sp.oidcPostLogoutRedirectUri}</code>
            </Text>
          )}
          {automaticLogout && mode === 'discovery' && discover.data && !discover.data.endSessionEndpoint && (
            <Alert color="yellow">{t('oidc.noEndSession')}</Alert>
          )}
          <Text size="sm" c="dimmed">
            {t('saml.notLiveYet')}
          </Text>
          <ErrorAlert error={save.error} />
          <FormActions onCancel={onClose} submitLabel={t('common.save')} loading={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}

function Endpoints({ endpoints }: { endpoints: OidcEndpoints }) {
  const { t } = useTranslation();
  return (
    <Table data-testid="oidc-endpoints">
      <Table.Tbody>
        {MANUAL_FIELDS.map((field) => (
          <Table.Tr key={field}>
            <Table.Th>{t(`oidc.field.${field}`)}</Table.Th>
            <Table.Td style={{ wordBreak: 'break-all' }}>{endpoints[field] ?? '—'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
