import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';

/** How often the console looks for new alerts while it is open (the core raises them on its own). */
const POLL_MS = 60_000;

/**
 * Shows the notifications of new alerts that no desktop notification showed yet (browser mode has
 * no notifications from main): a Mantine notification in the console, and the browser's own
 * Notification when the person allowed it. Then tells the core they were shown.
 */
export function AlertNotifier() {
  const { t } = useTranslation();
  const client = useQueryClient();
  // The same key as the alert centre's query (features/admin/api.ts), polled.
  const alerts = useQuery({
    queryKey: ['admin', 'alerts:alert:list', {}],
    queryFn: () => call('alerts:alert:list', {}),
    refetchInterval: POLL_MS,
    retry: false,
  });
  const shown = useRef(new Set<string>());
  useEffect(() => {
    const waiting = (alerts.data ?? []).filter(
      (alert) =>
        !shown.current.has(alert.id) &&
        alert.deliveries.some((d) => d.channel === 'notification' && d.status === 'pending'),
    );
    if (waiting.length === 0) return;
    for (const alert of waiting) {
      shown.current.add(alert.id);
      const body = `${alert.certificate.subject}: ${
        alert.daysLeft <= 0 ? t('alerts.expired') : t('alerts.days', { count: alert.daysLeft })
      }`;
      // Closes on its own: the alert centre keeps every alert, and a toast that stays would cover
      // the buttons of whatever dialog the admin has open.
      notifications.show({ color: 'orange', title: t('alerts.newAlert'), message: body, autoClose: 20_000 });
      if (typeof Notification !== 'undefined' && Notification.permission === 'granted') {
        new Notification(t('alerts.newAlert'), { body, tag: alert.id });
      }
    }
    void call('alerts:alert:notified', { ids: waiting.map((alert) => alert.id) })
      .then(() => client.invalidateQueries({ queryKey: ['admin', 'alerts:alert:list'] }))
      .catch(() => undefined);
  }, [alerts.data, client, t]);
  return null;
}

/** Browser mode: ask for the browser's permission to show desktop notifications. */
export function BrowserNotifications() {
  const { t } = useTranslation();
  const supported = typeof Notification !== 'undefined' && !window.tessera;
  const [permission, setPermission] = useState(supported ? Notification.permission : 'denied');
  if (!supported) return null;
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={3} size="h4">
          {t('alerts.browserNotifications')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('alerts.browserNotificationsHelp')}
        </Text>
        <Group>
          {permission === 'granted' ? (
            <Text size="sm">{t('alerts.notificationsAllowed')}</Text>
          ) : permission === 'denied' ? (
            <Text size="sm">{t('alerts.notificationsBlocked')}</Text>
          ) : (
            <Button
              variant="default"
              onClick={() => void Notification.requestPermission().then(setPermission)}
            >
              {t('alerts.allowNotifications')}
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
