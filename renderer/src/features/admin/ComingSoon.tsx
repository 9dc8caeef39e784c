import { Badge, Card, Group, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function ComingSoon({ section }: { section: string }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="xl" maw={640}>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3">
          {section}
        </Title>
        <Badge variant="light">{t('admin.coming')}</Badge>
      </Group>
      <Text c="dimmed">{t('admin.comingBody', { section })}</Text>
    </Card>
  );
}
