import {
  Alert,
  Button,
  Card,
  Code,
  Group,
  List,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Textarea,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { zodResolver } from '@hookform/resolvers/zod';
import { IconAlertTriangle, IconCheck, IconInfoCircle } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Controller, useForm, useWatch, type FieldErrors } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  JitSettingsSchema,
  LINKING_ATTRIBUTES,
  PROFILE_FIELDS,
  type JitSettings,
  type ProfileField,
} from '../../../../shared/admin/directory';
import { ADMIN_LIMITS, type Idp } from '../../../../shared/admin/schemas';
import type { RequestOf } from '../../../../shared/ipc/contract';
import { call } from '../../api/client';
import { SaveActions } from '../../app/FormActions';
import { ErrorAlert } from '../../app/ErrorAlert';
import { useAdminMutation, useAdminQuery } from '../admin/api';
import { PlanView } from '../identity-providers/TestSsoModal';

/** The Select's value for "link by email only" (linkBy: null); no linking attribute is called this. */
const BY_EMAIL = '-';

/** S5, O3, J0–J8: per SAML/OIDC identity provider, the JIT switches, linking, mapping and a dry run. */
export function AttributeMappingPage() {
  const { t } = useTranslation();
  const idps = useAdminQuery('sso:idp:list', {});
  const [chosen, setChosen] = useState<string | null>(null);
  // The built-in identity has no attributes (its users come from Tessera itself).
  const mappable = (idps.data ?? []).filter((idp) => idp.kind !== 'builtin');
  const idp = mappable.find((candidate) => candidate.id === chosen) ?? mappable[0] ?? null;
  return (
    <Stack maw={1100}>
      <Title order={2}>{t('jit.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('jit.help')}
      </Text>
      <ErrorAlert error={idps.error} />
      {idps.data && mappable.length === 0 && <Text c="dimmed">{t('jit.noIdps')}</Text>}
      {idp && (
        <Select
          label={t('jit.idp')}
          data={mappable.map((candidate) => ({
            value: candidate.id,
            label: `${candidate.name} (${t(`idp.kind.${candidate.kind}`)})`,
          }))}
          value={idp.id}
          onChange={(value) => value && setChosen(value)}
          allowDeselect={false}
          maw={480}
        />
      )}
      {idp && <IdpMapping key={idp.id} idp={idp} />}
    </Stack>
  );
}

function IdpMapping({ idp }: { idp: Idp }) {
  const jit = useAdminQuery('sso:jit:get', { idpId: idp.id });
  return (
    <>
      <Preconditions idp={idp} />
      <ErrorAlert error={jit.error} />
      {jit.data && <JitEditor idp={idp} jit={jit.data} />}
    </>
  );
}

type Tone = 'ok' | 'warn' | 'info';
const TONE: Record<Tone, { color: string; icon: ReactNode }> = {
  ok: { color: 'green', icon: <IconCheck size={14} /> },
  warn: { color: 'orange', icon: <IconAlertTriangle size={14} /> },
  info: { color: 'blue', icon: <IconInfoCircle size={14} /> },
};

/** J0 (and J4): what decides whether JIT runs at all, as it stands now. */
function Preconditions({ idp }: { idp: Idp }) {
  const { t } = useTranslation();
  const org = useAdminQuery('admin:org:get', {});
  const directory = useAdminQuery('directory:settings:get', {});
  const items: { key: string; tone: Tone; text: string }[] = [];
  if (idp.status !== 'live') {
    items.push({
      key: 'live',
      tone: 'warn',
      text: t('jit.pre.notLive', { name: idp.name, status: t(`idp.status.${idp.status}`) }),
    });
  }
  if (directory.data) {
    items.push(
      directory.data.directorySync
        ? { key: 'sync', tone: 'warn', text: t('jit.pre.directorySyncOn') }
        : { key: 'sync', tone: 'ok', text: t('jit.pre.directorySyncOff') },
    );
  }
  if (org.data) {
    const claimed = org.data.domains
      .filter((domain) => domain.claimed && domain.verifiedAt !== null)
      .map((domain) => domain.name);
    items.push(
      claimed.length === 0
        ? { key: 'domains', tone: 'warn', text: t('jit.pre.noClaimed') }
        : { key: 'domains', tone: 'ok', text: t('jit.pre.claimed', { domains: claimed.join(', ') }) },
    );
  }
  items.push({
    key: 'uid',
    tone: 'info',
    text: idp.saml
      ? t('jit.pre.userIdSaml', { attribute: idp.saml.userIdAttribute })
      : t('jit.pre.userIdOidc'),
  });
  if (directory.data?.blockProfileUpdate) {
    items.push({ key: 'block', tone: 'info', text: t('jit.pre.blockProfileUpdate') });
  }
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('jit.preconditions')}
        </Title>
        <ErrorAlert error={org.error ?? directory.error} />
        <List spacing={6} aria-label={t('jit.preconditions')}>
          {items.map((item) => (
            <List.Item
              key={item.key}
              data-precondition={item.key}
              icon={
                <ThemeIcon color={TONE[item.tone].color} size={20} radius="xl" variant="light">
                  {TONE[item.tone].icon}
                </ThemeIcon>
              }
            >
              <Text size="sm">{item.text}</Text>
            </List.Item>
          ))}
        </List>
      </Stack>
    </Card>
  );
}

/** The error zod reported for one mapping entry; field names contain dots, so errors nest by them. */
function mappingError(errors: FieldErrors<JitSettings>, field: ProfileField): boolean {
  let node: unknown = errors.mapping;
  for (const part of field.split('.')) {
    if (typeof node !== 'object' || node === null) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'object' && node !== null && 'message' in node;
}

function fieldHint(field: ProfileField): 'jit.phoneHint' | 'jit.alternateEmailHint' | null {
  if (field.startsWith('phoneNumbers.')) return 'jit.phoneHint';
  if (field.startsWith('email.alternate')) return 'jit.alternateEmailHint';
  return null;
}

function JitEditor({ idp, jit }: { idp: Idp; jit: JitSettings }) {
  const { t } = useTranslation();
  const save = useAdminMutation('sso:jit:set');
  const { control, handleSubmit, formState, reset } = useForm<JitSettings>({
    resolver: zodResolver(JitSettingsSchema),
    defaultValues: jit,
  });
  const { errors } = formState;
  const linkBy = useWatch({ control, name: 'linkBy' });
  const mapping = useWatch({ control, name: 'mapping' });
  const invalid = t('jit.attributeInvalid', { max: ADMIN_LIMITS.attributeNameMax });

  return (
    <>
      <Card withBorder>
        <form
          noValidate
          aria-label={t('jit.settings')}
          onSubmit={handleSubmit((values) =>
            save.mutate(
              { idpId: idp.id, jit: values },
              {
                onSuccess: (saved) => {
                  reset(saved);
                  notifications.show({ color: 'green', message: t('jit.saved', { name: idp.name }) });
                },
              },
            ),
          )}
        >
          <Stack>
            <Title order={3} size="h4">
              {t('jit.settings')}
            </Title>
            {(['createUsers', 'updateUsers', 'allowNewEmail'] as const).map((name) => (
              <Controller
                key={name}
                control={control}
                name={name}
                render={({ field }) => (
                  <Switch
                    // An OpenID Connect provider sends claims, not SAML attributes.
                    label={t(
                      name === 'updateUsers' && idp.kind === 'oidc' ? 'jit.updateUsersOidc' : `jit.${name}`,
                    )}
                    description={t(`jit.${name}Hint`)}
                    checked={field.value}
                    onChange={(event) => field.onChange(event.currentTarget.checked)}
                    onBlur={field.onBlur}
                  />
                )}
              />
            ))}
            <Controller
              control={control}
              name="linkBy"
              render={({ field }) => (
                <Select
                  label={t('jit.linkBy')}
                  description={t('jit.linkByHint')}
                  data={[
                    { value: BY_EMAIL, label: t('jit.linkByNone') },
                    ...LINKING_ATTRIBUTES.map((attribute) => ({ value: attribute, label: attribute })),
                  ]}
                  value={field.value ?? BY_EMAIL}
                  onChange={(value) =>
                    field.onChange(LINKING_ATTRIBUTES.find((attribute) => attribute === value) ?? null)
                  }
                  allowDeselect={false}
                  maw={480}
                />
              )}
            />
            {linkBy && !mapping[linkBy] && (
              <Alert color="yellow" p="xs">
                {t('jit.linkByUnmapped', { attribute: linkBy })}
              </Alert>
            )}

            <Title order={4} size="h5">
              {t('jit.mapping')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('jit.mappingHelp')}
            </Text>
            <Controller
              control={control}
              name="mapping"
              render={({ field }) => (
                <Table withTableBorder aria-label={t('jit.mapping')}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('jit.field')}</Table.Th>
                      <Table.Th>{t('jit.attribute')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {PROFILE_FIELDS.map((profileField) => {
                      const hint = fieldHint(profileField);
                      return (
                        <Table.Tr key={profileField}>
                          <Table.Td>
                            <Code>{profileField}</Code>
                          </Table.Td>
                          <Table.Td>
                            <TextInput
                              size="xs"
                              aria-label={t('jit.attributeFor', { field: profileField })}
                              description={hint ? t(hint) : undefined}
                              value={field.value[profileField] ?? ''}
                              maxLength={ADMIN_LIMITS.attributeNameMax}
                              autoComplete="off"
                              spellCheck={false}
                              error={mappingError(errors, profileField) ? invalid : undefined}
                              onBlur={field.onBlur}
                              onChange={(event) => {
                                const value = event.currentTarget.value;
                                const next = { ...field.value };
                                if (value.trim() === '') delete next[profileField];
                                else next[profileField] = value;
                                field.onChange(next);
                              }}
                            />
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              )}
            />
            <Controller
              control={control}
              name="groupAttribute"
              render={({ field }) => (
                <TextInput
                  label={t('jit.groupAttribute')}
                  description={t('jit.groupAttributeHint')}
                  value={field.value ?? ''}
                  maxLength={ADMIN_LIMITS.attributeNameMax}
                  autoComplete="off"
                  spellCheck={false}
                  error={errors.groupAttribute ? invalid : undefined}
                  onBlur={field.onBlur}
                  onChange={(event) => {
                    const value = event.currentTarget.value;
                    field.onChange(value.trim() === '' ? null : value);
                  }}
                  maw={480}
                />
              )}
            />
            <SaveActions error={save.error} loading={save.isPending} />
          </Stack>
        </form>
      </Card>
      <MappingPreview idpId={idp.id} unsaved={formState.isDirty} />
    </>
  );
}

type Claims = Record<string, string[]>;

/** The pasted text as claims, or the key of what is wrong with it. */
function parseClaims(text: string): Claims | 'jit.preview.notJson' | 'jit.preview.notObject' {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'jit.preview.notJson';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'jit.preview.notObject';
  const claims: Claims = {};
  for (const [name, values] of Object.entries(value)) {
    if (!Array.isArray(values) || !values.every((item) => typeof item === 'string')) {
      return 'jit.preview.notObject';
    }
    claims[name] = values as string[];
  }
  return claims;
}

/** A dry run of JIT (nothing is written): with the IdP's last Test SSO, or with pasted attributes. */
function MappingPreview({ idpId, unsaved }: { idpId: string; unsaved: boolean }) {
  const { t } = useTranslation();
  const preview = useMutation({
    mutationFn: (source: RequestOf<'directory:mapping:preview'>['source']) =>
      call('directory:mapping:preview', { idpId, source }),
  });
  const [text, setText] = useState('');
  const [parseError, setParseError] = useState<string | null>(null);

  return (
    <Card withBorder>
      <Stack>
        <Title order={3} size="h4">
          {t('jit.preview.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('jit.preview.help')}
        </Text>
        {unsaved && (
          <Alert color="yellow" p="xs">
            {t('jit.unsaved')}
          </Alert>
        )}
        <Group>
          <Button
            variant="light"
            loading={preview.isPending && preview.variables?.kind === 'last-test'}
            onClick={() => {
              setParseError(null);
              preview.mutate({ kind: 'last-test' });
            }}
          >
            {t('jit.preview.lastTest')}
          </Button>
        </Group>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            // A pasted SAML assertion or response is read by the core; anything else is JSON.
            if (text.trim().startsWith('<')) {
              setParseError(null);
              preview.mutate({ kind: 'saml', xml: text.trim() });
              return;
            }
            const parsed = parseClaims(text);
            if (typeof parsed === 'string') {
              setParseError(t(parsed));
              preview.reset();
              return;
            }
            setParseError(null);
            preview.mutate({ kind: 'attributes', claims: parsed });
          }}
        >
          <Stack>
            <Textarea
              label={t('jit.preview.paste')}
              value={text}
              onChange={(event) => setText(event.currentTarget.value)}
              error={parseError}
              autosize
              minRows={4}
              maxRows={16}
              spellCheck={false}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            />
            <Group justify="flex-end">
              <Button
                type="submit"
                disabled={text.trim() === ''}
                loading={preview.isPending && preview.variables?.kind !== 'last-test'}
              >
                {t('jit.preview.run')}
              </Button>
            </Group>
          </Stack>
        </form>
        <ErrorAlert error={preview.error} />
        <div aria-live="polite">{preview.data && <PlanView plan={preview.data} />}</div>
      </Stack>
    </Card>
  );
}
