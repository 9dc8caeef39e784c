import { Alert, Checkbox, Code, Modal, Radio, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { Fragment, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  APPLICATION_SCOPES,
  CLIENT_TYPES,
  type Application,
  type ApplicationInput,
  type ApplicationScope,
  type ClientType,
} from '../../../../shared/admin/schemas';
import { ApiError } from '../../api/client';
import { ErrorAlert } from '../../app/ErrorAlert';
import { FormActions } from '../../app/FormActions';
import { useAdminMutation } from '../admin/api';
import { serverFieldErrors, validateApplication, type FieldErrors, type FieldMessage } from './field-errors';
import { MONO_INPUT, type ShownSecret } from './SecretModal';

/** Everything a save sends: an application as it is, to change one thing (e.g. its MFA switch). */
export function toInput(app: Application): ApplicationInput {
  return {
    name: app.name,
    key: app.key,
    requireMfa: app.requireMfa,
    clientType: app.clientType,
    redirectUris: app.redirectUris,
    postLogoutRedirectUris: app.postLogoutRedirectUris,
    scopes: app.scopes,
    firstParty: app.firstParty,
  };
}

/** One URI a line; blank lines are nothing. */
const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

/** A field's messages, one a line. */
function useMessages() {
  const { t } = useTranslation();
  return (messages: FieldMessage[] | undefined): ReactNode =>
    messages?.length
      ? messages.map((message, index) => (
          <Fragment key={index}>
            {index > 0 && <br />}
            {message.key === undefined ? message.text : t(message.key, message.params)}
          </Fragment>
        ))
      : undefined;
}

/** Add or edit an application: the OAuth client it is, and its MFA switch (M3). */
export function ApplicationModal({
  app,
  onClose,
  onSecret,
}: {
  app: Application | null;
  onClose(): void;
  onSecret(shown: ShownSecret): void;
}) {
  const { t } = useTranslation();
  const save = useAdminMutation('mfa:application:save', { forgetAnswer: true });
  const messages = useMessages();
  const [name, setName] = useState(app?.name ?? '');
  const [key, setKey] = useState(app?.key ?? '');
  const [clientType, setClientType] = useState<ClientType>(app?.clientType ?? 'confidential');
  const [redirectUris, setRedirectUris] = useState(app?.redirectUris.join('\n') ?? '');
  const [logoutUris, setLogoutUris] = useState(app?.postLogoutRedirectUris.join('\n') ?? '');
  const [scopes, setScopes] = useState<ApplicationScope[]>(app?.scopes ?? ['profile', 'email']);
  const [firstParty, setFirstParty] = useState(app?.firstParty ?? true);
  const [requireMfa, setRequireMfa] = useState(app?.requireMfa ?? false);
  const [errors, setErrors] = useState<FieldErrors>({});
  // Shown as the form's error only when it belongs to no field.
  const [formError, setFormError] = useState<unknown>(null);

  const input = (): ApplicationInput => ({
    name,
    key,
    requireMfa,
    clientType,
    redirectUris: lines(redirectUris),
    postLogoutRedirectUris: lines(logoutUris),
    scopes,
    firstParty,
  });
  // An edit clears that field's complaint; the next save checks again.
  const edited = (field: keyof FieldErrors) =>
    setErrors((current) => (current[field] ? { ...current, [field]: undefined } : current));

  const submit = () => {
    const application = input();
    const invalid = validateApplication(application);
    setErrors(invalid ?? {});
    setFormError(null);
    if (invalid) return;
    save.mutate(
      { id: app?.id ?? null, application },
      {
        onSuccess: ({ application: saved, clientSecret }) => {
          if (clientSecret) onSecret({ name: saved.name, clientId: saved.key, secret: clientSecret });
          save.reset();
          onClose();
        },
        onError: (error) => {
          const onField = error instanceof ApiError ? serverFieldErrors(error.shape, application) : null;
          if (onField) setErrors(onField);
          else setFormError(error);
        },
      },
    );
  };

  const secretChange =
    app && app.clientType !== clientType
      ? clientType === 'public'
        ? t('apps.form.secretGoes')
        : t('apps.form.secretComes')
      : !app && clientType === 'confidential'
        ? t('apps.form.secretOnSave')
        : null;

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={app ? t('common.editNamed', { name: app.name }) : t('apps.add')}
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack>
          <TextInput
            label={t('apps.name')}
            value={name}
            onChange={(e) => {
              setName(e.currentTarget.value);
              edited('name');
            }}
            error={messages(errors.name)}
            withAsterisk
            data-autofocus
          />
          <TextInput
            label={t('apps.clientId')}
            description={t('apps.form.keyHint')}
            value={key}
            onChange={(e) => {
              setKey(e.currentTarget.value);
              edited('key');
            }}
            error={messages(errors.key)}
            withAsterisk
            spellCheck={false}
            autoComplete="off"
            styles={MONO_INPUT}
          />
          <Radio.Group
            label={t('apps.type')}
            value={clientType}
            onChange={(value) => setClientType(value as ClientType)}
          >
            <Stack gap="xs" mt={4}>
              {CLIENT_TYPES.map((type) => (
                <Radio
                  key={type}
                  value={type}
                  label={t(`apps.types.${type}`)}
                  description={t(`apps.typeHints.${type}`)}
                />
              ))}
            </Stack>
          </Radio.Group>
          {secretChange && (
            <Text size="sm" c="dimmed">
              {secretChange}
            </Text>
          )}
          <Textarea
            label={t('apps.form.redirectUris')}
            description={t('apps.form.redirectUrisHint')}
            placeholder="https://app.example.com/callback"
            value={redirectUris}
            onChange={(e) => {
              setRedirectUris(e.currentTarget.value);
              edited('redirectUris');
            }}
            error={messages(errors.redirectUris)}
            autosize
            minRows={2}
            maxRows={8}
            spellCheck={false}
            autoComplete="off"
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          />
          <Textarea
            label={t('apps.form.logoutUris')}
            description={t('apps.form.logoutUrisHint')}
            placeholder="https://app.example.com/signed-out"
            value={logoutUris}
            onChange={(e) => {
              setLogoutUris(e.currentTarget.value);
              edited('postLogoutRedirectUris');
            }}
            error={messages(errors.postLogoutRedirectUris)}
            autosize
            minRows={1}
            maxRows={6}
            spellCheck={false}
            autoComplete="off"
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          />
          <Checkbox.Group
            label={t('apps.form.scopes')}
            description={t('apps.form.scopesHint')}
            // openid is always released: checked, and not the person's to change.
            value={['openid', ...scopes]}
            onChange={(value) => setScopes(APPLICATION_SCOPES.filter((scope) => value.includes(scope)))}
          >
            <Stack gap="xs" mt="xs">
              <Checkbox
                value="openid"
                disabled
                label={<Code>openid</Code>}
                description={t('apps.scopes.openid')}
              />
              {APPLICATION_SCOPES.map((scope) => (
                <Checkbox
                  key={scope}
                  value={scope}
                  label={<Code>{scope}</Code>}
                  description={t(`apps.scopes.${scope}`)}
                />
              ))}
            </Stack>
          </Checkbox.Group>
          <Switch
            label={t('apps.form.firstParty')}
            description={firstParty ? t('apps.form.firstPartyOn') : t('apps.form.firstPartyOff')}
            checked={firstParty}
            onChange={(e) => setFirstParty(e.currentTarget.checked)}
          />
          <Switch
            label={t('apps.requireMfa')}
            description={t('apps.form.requireMfaHint')}
            checked={requireMfa}
            onChange={(e) => setRequireMfa(e.currentTarget.checked)}
          />
          {Object.values(errors).some((messages) => messages?.length) && (
            <Alert color="red" variant="light" role="alert">
              {t('apps.form.fixFields')}
            </Alert>
          )}
          <ErrorAlert error={formError} />
          <FormActions onCancel={onClose} submitLabel={t('common.save')} loading={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
