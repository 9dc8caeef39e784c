import {
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  Modal,
  PasswordInput,
  SegmentedControl,
  Select,
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
import {
  TOKEN_AUTH_METHODS,
  type Idp,
  type OidcEndpoints,
  type TokenAuthMethod,
} from '../../../../shared/admin/schemas';
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
  // null: not chosen yet — the first method the provider offers, once discovery says which.
  const [chosenMethod, setChosenMethod] = useState<TokenAuthMethod | null>(
    current?.tokenEndpointAuthMethod ?? null,
  );
  const discover = useMutation({
    mutationFn: () => call('sso:oidc:discover', { discoveryUrl: discoveryUrl.trim() }),
  });
  // What the provider offers: from this discovery, else from the stored settings; by hand, all.
  const offered: readonly TokenAuthMethod[] =
    mode === 'manual'
      ? TOKEN_AUTH_METHODS
      : (discover.data?.tokenEndpointAuthMethods ?? current?.tokenEndpointAuthMethods ?? TOKEN_AUTH_METHODS);
  const method: TokenAuthMethod =
    chosenMethod && offered.includes(chosenMethod)
      ? chosenMethod
      : (TOKEN_AUTH_METHODS.find((m) => offered.includes(m)) ?? 'client_secret_basic');
  const usesKey = method === 'private_key_jwt';
  const jwksUrl = org.data ? new URL('/oidc/jwks', org.data.sp.oidcRedirectUri).href : null;

  function submit() {
    save.mutate(
      {
        id: idp?.id ?? null,
        idp: {
          name,
          clientId,
          clientSecret: usesKey ? '' : clientSecret,
          scopes,
          automaticLogout,
          tokenEndpointAuthMethod: method,
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
          <Select
            label={t('oidc.authMethod')}
            description={t('oidc.authMethodHint')}
            value={method}
            onChange={(value) => value && setChosenMethod(value as TokenAuthMethod)}
            data={offered.map((value) => ({ value, label: t(`oidc.authMethods.${value}`) }))}
            allowDeselect={false}
          />
          {usesKey ? (
            <ClientKey jwk={current?.clientPublicJwk ?? null} jwksUrl={jwksUrl} />
          ) : (
            <PasswordInput
              label={t('oidc.clientSecret')}
              description={current?.hasClientSecret ? t('oidc.clientSecretKeep') : t('oidc.clientSecretHint')}
              value={clientSecret}
              onChange={(e) => setClientSecret(e.currentTarget.value)}
              required={!current?.hasClientSecret}
              autoComplete="off"
            />
          )}
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

/**
 * private_key_jwt: the public key the provider must know. Made when the IdP is first saved with
 * this method (the private half goes to the keychain); registered at the provider by pasting the
 * JWKS, or by its URL when the provider can reach this computer.
 */
function ClientKey({ jwk, jwksUrl }: { jwk: object | null; jwksUrl: string | null }) {
  const { t } = useTranslation();
  if (!jwk) return <Alert color="blue">{t('oidc.keyOnSave')}</Alert>;
  const jwks = JSON.stringify({ keys: [jwk] }, null, 2);
  return (
    <Stack gap="xs">
      <Text size="sm">{t('oidc.keyRegister')}</Text>
      <Code block mah={160} style={{ overflow: 'auto' }} aria-label={t('oidc.jwks')}>
        {jwks}
      </Code>
      <Group>
        <CopyButton value={jwks}>
          {({ copied, copy }) => (
            <Button variant="default" size="xs" onClick={copy}>
              {copied ? t('oidc.jwksCopied') : t('oidc.copyJwks')}
            </Button>
          )}
        </CopyButton>
        {jwksUrl && (
          <Text size="xs" c="dimmed">
            {t('oidc.jwksUrl')}: <code>{jwksUrl}</code>
          </Text>
        )}
      </Group>
    </Stack>
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
