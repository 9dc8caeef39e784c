import { Card, Stack, Switch, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MfaPolicy } from '../../../../shared/admin/schemas';
import { ErrorAlert } from '../../app/ErrorAlert';
import { useAdminMutation, useAdminQuery } from '../admin/api';

const SWITCHES: { key: keyof MfaPolicy; needsEnabled: boolean }[] = [
  { key: 'enabled', needsEnabled: false },
  { key: 'allowPerUser', needsEnabled: true },
  { key: 'mandatoryForApplications', needsEnabled: true },
  { key: 'mandatoryForOrganization', needsEnabled: true },
];

/** M1–M4. M3's per-application switches are on the Applications page. */
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
      <Text size="sm" c="dimmed">
        {t('mfa.perApplication')}
      </Text>
    </Stack>
  );
}
