import {
  Alert,
  Badge,
  Button,
  Card,
  Code,
  FileButton,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconUpload } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConfigChange, ConfigDiff } from '../../../../shared/admin/config';
import { ApiError, call } from '../../api/client';
import { downloadText } from '../../app/download';
import { describeError } from '../../app/ErrorAlert';
import { useAdminMutation } from '../admin/api';

const ACTION_COLOR = { add: 'green', change: 'blue', remove: 'red' } as const;

/**
 * Configuration as code (SPEC §4): the organization's configuration as a YAML file without
 * secrets; an imported file is shown as a diff first and applied only when the admin says so.
 */
export function ConfigAsCode() {
  const { t } = useTranslation();
  const [file, setFile] = useState<{ name: string; content: string } | null>(null);
  const [diff, setDiff] = useState<ConfigDiff | null>(null);
  const resetFile = useRef<() => void>(null);
  const exportConfig = useMutation({
    mutationFn: () => call('admin:config:export', {}),
    onSuccess: ({ fileName, content }) => downloadText(fileName, content, 'application/yaml'),
  });
  const preview = useMutation({
    mutationFn: async (chosen: File) => {
      const content = await chosen.text();
      setFile({ name: chosen.name, content });
      return call('admin:config:diff', { content });
    },
    onSuccess: setDiff,
  });
  const apply = useAdminMutation('admin:config:apply');
  const close = () => {
    setDiff(null);
    apply.reset();
  };
  return (
    <Card withBorder data-testid="config-as-code">
      <Stack>
        <Title order={3} size="h4">
          {t('config.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('config.help')}
        </Text>
        <Group>
          <Button
            variant="light"
            leftSection={<IconDownload size={16} />}
            loading={exportConfig.isPending}
            onClick={() => exportConfig.mutate()}
          >
            {t('config.export')}
          </Button>
          <FileButton
            resetRef={resetFile}
            accept=".yaml,.yml,application/yaml,text/yaml"
            onChange={(chosen) => {
              // Cleared at once, so that choosing the same file again (after fixing it) is noticed.
              resetFile.current?.();
              if (chosen) preview.mutate(chosen);
            }}
          >
            {(props) => (
              <Button
                {...props}
                variant="light"
                leftSection={<IconUpload size={16} />}
                loading={preview.isPending}
              >
                {t('config.import')}
              </Button>
            )}
          </FileButton>
        </Group>
        <ConfigError error={exportConfig.error ?? preview.error} fileName={file?.name ?? null} />
      </Stack>
      <Modal
        opened={diff !== null}
        onClose={close}
        title={t('config.previewTitle', { file: file?.name ?? '' })}
        size="xl"
      >
        {diff && file && (
          <Stack>
            <DiffList diff={diff} />
            <ConfigError error={apply.error} fileName={file.name} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              {diff.changes.length > 0 && (
                <Button
                  loading={apply.isPending}
                  onClick={() =>
                    apply.mutate(
                      { content: file.content, fingerprint: diff.fingerprint },
                      {
                        onSuccess: (applied) => {
                          notifications.show({
                            color: 'green',
                            message: t('config.applied', { count: applied.changes.length }),
                          });
                          close();
                        },
                      },
                    )
                  }
                >
                  {t('config.apply')}
                </Button>
              )}
            </Group>
          </Stack>
        )}
      </Modal>
    </Card>
  );
}

/** A refused file: a translated lead, then each problem with its path and line, as the core wrote it. */
function ConfigError({ error, fileName }: { error: unknown; fileName: string | null }) {
  const { t } = useTranslation();
  if (!error) return null;
  if (error instanceof ApiError && error.shape.reason === 'config.invalid') {
    return (
      <Alert color="red" role="alert" variant="light" title={t('config.invalid', { file: fileName ?? '' })}>
        <Code block style={{ whiteSpace: 'pre-wrap' }}>
          {error.shape.message}
        </Code>
      </Alert>
    );
  }
  return (
    <Alert color="red" role="alert" variant="light">
      {describeError(error)}
    </Alert>
  );
}

function DiffList({ diff }: { diff: ConfigDiff }) {
  const { t } = useTranslation();
  if (diff.changes.length === 0) return <Text>{t('config.noChanges')}</Text>;
  return (
    <Stack gap="sm">
      <Text size="sm">{t('config.summary', { count: diff.changes.length })}</Text>
      {diff.warnings.length > 0 && (
        <Alert color="yellow" variant="light" title={t('config.warningsTitle')}>
          <Stack gap={4}>
            {diff.warnings.map((warning, i) => (
              <Text size="sm" key={i}>
                {t(`config.warning.${warning.code}`, warning.params)}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
      <Stack gap="xs" aria-label={t('config.changesLabel')} role="list">
        {diff.changes.map((change, i) => (
          <ChangeItem key={i} change={change} />
        ))}
      </Stack>
    </Stack>
  );
}

function ChangeItem({ change }: { change: ConfigChange }) {
  const { t } = useTranslation();
  const own = change.section === change.name;
  return (
    <Card withBorder padding="xs" role="listitem" data-testid={`change-${change.section}-${change.name}`}>
      <Group gap="xs" wrap="nowrap">
        <Badge color={ACTION_COLOR[change.action]} variant="light" style={{ flexShrink: 0 }}>
          {t(`config.action.${change.action}`)}
        </Badge>
        <Text size="sm" c="dimmed" style={{ flexShrink: 0 }}>
          {t(`config.section.${change.section}`)}
        </Text>
        {!own && (
          <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
            {change.special ? t(`config.special.${change.special}`) : change.name}
          </Text>
        )}
      </Group>
      {/* The default rule's IdP is worth showing even when it is new. */}
      {(change.action === 'change' || change.special) && change.fields.length > 0 && (
        <Table mt="xs" fz="sm" layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="30%">{t('config.field')}</Table.Th>
              <Table.Th>{t('config.before')}</Table.Th>
              <Table.Th>{t('config.after')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {change.fields.map((field) => (
              <Table.Tr key={field.field}>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>
                  <Code>{field.field}</Code>
                </Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{field.before ?? '—'}</Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{field.after ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
