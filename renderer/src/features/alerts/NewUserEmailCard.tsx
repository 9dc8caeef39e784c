import { Card, Select, Stack, Switch, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MAIL_LANGUAGES, type MailLanguage } from '../../../../shared/admin/alerts';
import { ErrorAlert } from '../../app/ErrorAlert';
import { LANGUAGES } from '../../i18n';
import { useAdminMutation, useAdminQuery } from '../admin/api';

/** C6: the organization's switch for the welcome email to users JIT creates, and its default language. */
export function NewUserEmailCard() {
  const { t } = useTranslation();
  const current = useAdminQuery('admin:new-user-email:get', {});
  const save = useAdminMutation('admin:new-user-email:set');
  const data = current.data;
  return (
    <Card withBorder>
      <Stack>
        <Title order={3} size="h4">
          {t('newUserEmail.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('newUserEmail.help')}
        </Text>
        <ErrorAlert error={current.error ?? save.error} />
        {data && (
          <>
            <Switch
              label={t('newUserEmail.suppress')}
              checked={data.settings.suppressed}
              disabled={save.isPending}
              onChange={(e) => save.mutate({ ...data.settings, suppressed: e.currentTarget.checked })}
            />
            <Select
              label={t('newUserEmail.language')}
              description={t('newUserEmail.languageHint')}
              data={LANGUAGES.filter((l) => (MAIL_LANGUAGES as readonly string[]).includes(l.value)).map(
                (l) => ({
                  value: l.value,
                  label: l.label,
                }),
              )}
              value={data.settings.defaultLanguage}
              onChange={(value) =>
                value && save.mutate({ ...data.settings, defaultLanguage: value as MailLanguage })
              }
              allowDeselect={false}
              maw={320}
            />
            <Text size="sm" c="dimmed">
              {t('newUserEmail.status', { delivered: data.status.delivered, waiting: data.status.waiting })}
            </Text>
            {data.status.lastError && (
              <Text size="sm" c="red">
                {t('newUserEmail.lastError', { error: data.status.lastError })}
              </Text>
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}
