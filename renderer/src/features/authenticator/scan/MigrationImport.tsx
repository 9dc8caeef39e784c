import { Alert, Badge, Button, Checkbox, Group, Loader, Stack, Text } from '@mantine/core';
import { Dropzone, IMAGE_MIME_TYPE } from '@mantine/dropzone';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { MigrationPreview } from '../../../../../shared/ipc/contract';
import { OTP_LIMITS } from '../../../../../shared/otp/limits';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client';
import { ErrorAlert } from '../../../app/ErrorAlert';

interface Props {
  uris: string[];
  busy: boolean;
  onMoreImages(files: File[]): void;
  onDone(count: number): void;
  onCancel(): void;
}

/**
 * Google Authenticator export: the main process parses the codes and returns a preview without
 * secrets; the person chooses; the chosen entries are imported together.
 */
export function MigrationImport({ uris, busy, onMoreImages, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const preview = useQuery({
    queryKey: ['totp', 'migration', uris],
    queryFn: () => call('totp:migration:preview', { uris }),
    staleTime: Infinity,
    gcTime: 0,
  });

  if (preview.isPending) {
    return (
      <Group gap="xs" role="status">
        <Loader size="xs" />
        <Text size="sm">{t('scan.busy')}</Text>
      </Group>
    );
  }
  if (preview.isError) {
    return (
      <Stack>
        <ErrorAlert error={preview.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('auth.cancel')}
          </Button>
        </Group>
      </Stack>
    );
  }
  // A new preview (more codes scanned) starts a fresh selection.
  return (
    <PreviewList
      key={preview.data.batchId}
      preview={preview.data}
      {...{ busy, onMoreImages, onDone, onCancel }}
    />
  );
}

export function PreviewList({
  preview,
  busy,
  onMoreImages,
  onDone,
  onCancel,
  title,
}: Omit<Props, 'uris'> & { preview: MigrationPreview; title?: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { entries, missingParts, totalParts } = preview;
  // Preselected: what can be imported and is not in Tessera already.
  const [selected, setSelected] = useState(
    () => new Set(entries.filter((e) => !e.problem && !e.duplicateOf).map((e) => e.index)),
  );
  const importMutation = useMutation({
    mutationFn: () => call('totp:migration:import', { batchId: preview.batchId, indices: [...selected] }),
    onSuccess: async (added) => {
      await client.invalidateQueries({ queryKey: ['totp'] });
      onDone(added.length);
    },
  });
  const toggle = (index: number, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(index);
      else next.delete(index);
      return next;
    });

  return (
    <Stack>
      <Text fw={600}>{title ?? t('migration.title')}</Text>
      {missingParts.length > 0 && (
        <Alert color="yellow" role="alert">
          {t('migration.missing', { total: totalParts, parts: missingParts.join(', ') })}
        </Alert>
      )}
      <Stack
        gap="xs"
        component="ul"
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
        aria-label={title ?? t('migration.title')}
      >
        {entries.map((entry) => {
          const name = entry.issuer ? `${entry.issuer} (${entry.accountName})` : entry.accountName;
          return (
            <Group component="li" key={entry.index} justify="space-between" wrap="nowrap">
              <Checkbox
                label={name || t('migration.unnamed')}
                checked={selected.has(entry.index)}
                disabled={entry.problem !== null}
                onChange={(event) => toggle(entry.index, event.currentTarget.checked)}
              />
              {entry.problem && (
                <Badge color="red" variant="light">
                  {t(`migration.problem.${entry.problem}`, { bits: OTP_LIMITS.secretMinBytes * 8 })}
                </Badge>
              )}
              {entry.duplicateOf && (
                <Badge color="gray" variant="light">
                  {t('migration.duplicate')}
                </Badge>
              )}
            </Group>
          );
        })}
      </Stack>
      {missingParts.length > 0 && (
        <Dropzone
          onDrop={onMoreImages}
          accept={IMAGE_MIME_TYPE}
          multiple
          loading={busy}
          aria-label={t('migration.more')}
        >
          <Text size="sm" ta="center">
            {t('migration.more')}
          </Text>
        </Dropzone>
      )}
      <ErrorAlert error={importMutation.error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('auth.cancel')}
        </Button>
        <Button
          onClick={() => importMutation.mutate()}
          loading={importMutation.isPending}
          disabled={selected.size === 0}
        >
          {t('migration.import', { count: selected.size })}
        </Button>
      </Group>
    </Stack>
  );
}
