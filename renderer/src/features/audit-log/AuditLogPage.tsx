import { Accordion, Button, Code, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { ErrorAlert } from '../../app/ErrorAlert';

const PAGE = 50;

/** Every admin change, newest first: when, what, before → after (secrets were redacted in main). */
export function AuditLogPage() {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState('');
  const [search] = useDebouncedValue(text, 250);
  const entries = useInfiniteQuery({
    queryKey: ['admin', 'admin:audit:list', search],
    queryFn: ({ pageParam }) =>
      call('admin:audit:list', {
        limit: PAGE,
        ...(search.trim() ? { text: search.trim() } : {}),
        ...(pageParam ? { beforeId: pageParam } : {}),
      }),
    initialPageParam: 0,
    getNextPageParam: (last) => (last.length === PAGE ? last[last.length - 1]!.id : undefined),
  });
  const rows = entries.data?.pages.flat() ?? [];
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'medium' });
  return (
    <Stack maw={1100}>
      <Title order={2}>{t('audit.title')}</Title>
      <TextInput
        label={t('audit.filter')}
        placeholder={t('audit.filterHint')}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
      />
      <ErrorAlert error={entries.error} />
      {rows.length === 0 && !entries.isPending && <Text c="dimmed">{t('audit.empty')}</Text>}
      <Accordion variant="separated" chevronPosition="left">
        {rows.map((entry) => (
          <Accordion.Item key={entry.id} value={String(entry.id)}>
            <Accordion.Control>
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Text size="sm">
                    {/* The action in words; its code stays what the filter matches. */}
                    <Text span fw={600}>
                      {t(`audit.actions.${entry.action}`, { defaultValue: entry.action })}
                    </Text>
                    {entry.target && ` · ${entry.target}`}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {/* Admin changes are made only in this computer's Tessera, and only saved ones are logged. */}
                    {t('audit.actor')} · <span title={t('audit.outcomeHint')}>{t('audit.outcome')}</span> ·{' '}
                    <Code>{entry.action}</Code>
                  </Text>
                </Stack>
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {format.format(entry.at)}
                </Text>
              </Group>
            </Accordion.Control>
            <Accordion.Panel>
              <SimpleGrid cols={2}>
                <Stack gap={4}>
                  <Text size="xs" fw={600}>
                    {t('audit.before')}
                  </Text>
                  <Code block>{pretty(entry.before)}</Code>
                </Stack>
                <Stack gap={4}>
                  <Text size="xs" fw={600}>
                    {t('audit.after')}
                  </Text>
                  <Code block>{pretty(entry.after)}</Code>
                </Stack>
              </SimpleGrid>
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
      {entries.hasNextPage && (
        <Group justify="center">
          <Button
            variant="default"
            loading={entries.isFetchingNextPage}
            onClick={() => void entries.fetchNextPage()}
          >
            {t('audit.more')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function pretty(json: string | null): string {
  if (json === null) return '—';
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
}
