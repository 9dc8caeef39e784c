import {
  Accordion,
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  List,
  Loader,
  Modal,
  Stack,
  Table,
  Text,
  ThemeIcon,
} from '@mantine/core';
import { IconCheck, IconMinus, IconX } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Idp } from '../../../../shared/admin/schemas';
import {
  SSO_TEST_TIMEOUT_MS,
  type ProvisioningPlan,
  type SignInCheck,
  type SsoTest,
} from '../../../../shared/admin/directory';
import { call } from '../../api/client';
import { ErrorAlert } from '../../app/ErrorAlert';
import { useAdminMutation } from '../admin/api';

const TEST_TIMEOUT_MINUTES = SSO_TEST_TIMEOUT_MS / 60_000;

/**
 * S6–S7, O4, C3: runs the real sign-in at the IdP in its own window (Electron: an isolated window
 * with its own session; browser mode: a new tab), or in a private window through "Copy URL", then
 * shows every check with what to fix, the claims, the profile JIT would write and the decoded
 * messages. After a success: activate, or go back.
 */
export function TestSsoModal({
  idp,
  onClose,
  start,
}: {
  idp: Idp;
  onClose(): void;
  /** C1: starts a test of candidate settings instead of the saved ones (nothing to activate). */
  start?: () => Promise<{ id: string; url: string }>;
}) {
  const { t } = useTranslation();
  const [started, setStarted] = useState<{ id: string; url: string } | null>(null);
  const [startError, setStartError] = useState<unknown>(null);
  const activate = useAdminMutation('sso:idp:set-activated');

  useEffect(() => {
    let cancelled = false;
    (start ? start() : call('sso:test:start', { idpId: idp.id })).then(
      (test) => !cancelled && setStarted(test),
      (error: unknown) => !cancelled && setStartError(error),
    );
    return () => {
      cancelled = true;
    };
    // A new `start` each render must not start another test: the IdP decides.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [idp.id]);

  const test = useQuery({
    queryKey: ['sso-test', started?.id],
    queryFn: () => call('sso:test:get', { id: started!.id }),
    enabled: started !== null,
    // Until the IdP answers, ask again each second; then stop.
    refetchInterval: (query) => (query.state.data?.state === 'waiting' || !query.state.data ? 1000 : false),
  });
  const result = test.data;

  return (
    <Modal opened onClose={onClose} title={t('test.title', { name: idp.name })} size="xl">
      <Stack>
        <ErrorAlert error={startError ?? test.error} />
        {started && (
          <>
            <Text size="sm">{t('test.intro')}</Text>
            <Group>
              <Button
                onClick={() => {
                  // Electron opens it in an isolated window (main's window-open handler); a browser, in a new tab.
                  window.open(started.url, '_blank', 'noopener,noreferrer');
                }}
              >
                {t('test.open')}
              </Button>
              <CopyButton value={started.url}>
                {({ copied, copy }) => (
                  <Button variant="default" onClick={copy}>
                    {copied ? t('test.copied') : t('test.copyUrl')}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Text size="xs" c="dimmed">
              {t('test.copyHint')}
            </Text>
          </>
        )}
        {result?.state === 'waiting' && (
          <Group gap="xs">
            <Loader size="sm" />
            <Text size="sm">{t('test.waiting', { minutes: TEST_TIMEOUT_MINUTES })}</Text>
          </Group>
        )}
        {result && result.state !== 'waiting' && <TestResult test={result} />}
        <ErrorAlert error={activate.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {result?.state === 'failed' ? t('test.goBack') : t('test.close')}
          </Button>
          {result?.state === 'succeeded' && !idp.activated && !start && (
            <Button
              loading={activate.isPending}
              onClick={() => activate.mutate({ id: idp.id, activated: true }, { onSuccess: onClose })}
            >
              {t('test.activate')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}

const ICON = {
  pass: { color: 'green', icon: <IconCheck size={14} /> },
  fail: { color: 'red', icon: <IconX size={14} /> },
  skipped: { color: 'gray', icon: <IconMinus size={14} /> },
} as const;

/** A failure's words in the admin's language by its code; the core's English for a code we lack. */
function diagnosisText(t: TFunction, part: 'detail' | 'fix', check: SignInCheck, english: string): string {
  if (!check.code) return english;
  return t(`diag.${part}.${check.code}`, { ...check.params, defaultValue: english }).trim();
}

function Checks({ checks }: { checks: SignInCheck[] }) {
  const { t } = useTranslation();
  return (
    <List spacing={6} aria-label={t('test.checks')}>
      {checks.map((check) => (
        <List.Item
          key={check.id}
          data-check={check.id}
          data-status={check.status}
          icon={
            <ThemeIcon color={ICON[check.status].color} size={20} radius="xl">
              {ICON[check.status].icon}
            </ThemeIcon>
          }
        >
          <Text size="sm" fw={check.status === 'fail' ? 600 : 400}>
            {t(`diag.title.${check.id}`, { defaultValue: check.title })}
            <Text span c="dimmed" size="xs">
              {' '}
              — {t(`test.status.${check.status}`)}
            </Text>
          </Text>
          {check.detail && check.status === 'fail' && (
            <Text size="sm">{diagnosisText(t, 'detail', check, check.detail)}</Text>
          )}
          {check.fix && (
            <Text size="sm" c="blue">
              {t('test.fix')}: {diagnosisText(t, 'fix', check, check.fix)}
            </Text>
          )}
        </List.Item>
      ))}
    </List>
  );
}

export function PlanView({ plan }: { plan: ProvisioningPlan }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Badge variant="light">{t(`jit.action.${plan.action}`)}</Badge>
        <Text size="sm">{plan.email}</Text>
        {plan.linkedBy && (
          <Text size="sm" c="dimmed">
            {t('jit.linkedBy', { attribute: plan.linkedBy })}
          </Text>
        )}
      </Group>
      {plan.reason && <Text size="sm">{plan.reason}</Text>}
      {plan.changes.length > 0 && (
        <Table withTableBorder aria-label={t('jit.changes')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('jit.field')}</Table.Th>
              <Table.Th>{t('jit.before')}</Table.Th>
              <Table.Th>{t('jit.after')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {plan.changes.map((change) => (
              <Table.Tr key={change.field}>
                <Table.Td>{change.field}</Table.Td>
                <Table.Td c="red">{change.before ?? '—'}</Table.Td>
                <Table.Td c="green">{change.after ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {plan.groupsAdded.length > 0 && (
        <Text size="sm">{t('jit.groupsAdded', { groups: plan.groupsAdded.join(', ') })}</Text>
      )}
      {plan.rejected.map((rejected) => (
        <Alert key={`${rejected.field}:${rejected.value}`} color="yellow" p="xs">
          {t('jit.rejected', { field: rejected.field, value: rejected.value, problem: rejected.problem })}
        </Alert>
      ))}
    </Stack>
  );
}

function TestResult({ test }: { test: SsoTest }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Alert color={test.state === 'succeeded' ? 'green' : 'red'} title={t(`test.${test.state}`)}>
        {test.identity
          ? test.identity.name
            ? t('test.signedInAsNamed', { name: test.identity.name, email: test.identity.email })
            : t('test.signedInAs', { email: test.identity.email })
          : test.subject && t('test.subject', { subject: test.subject })}
        {test.identity && test.subject && (
          <Text size="xs" c="dimmed">
            {t('test.subjectId', { subject: test.subject })}
          </Text>
        )}
      </Alert>
      <Checks checks={test.checks} />
      <Accordion variant="separated" multiple>
        {test.claims && (
          <Accordion.Item value="claims">
            <Accordion.Control>{t('test.claims')}</Accordion.Control>
            <Accordion.Panel>
              <Table aria-label={t('test.claims')}>
                <Table.Tbody>
                  {Object.entries(test.claims).map(([name, values]) => (
                    <Table.Tr key={name}>
                      <Table.Td>
                        <Code>{name}</Code>
                      </Table.Td>
                      <Table.Td>{values.join(', ')}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Accordion.Panel>
          </Accordion.Item>
        )}
        {test.plan && (
          <Accordion.Item value="plan">
            <Accordion.Control>{t('test.profile')}</Accordion.Control>
            <Accordion.Panel>
              <PlanView plan={test.plan} />
            </Accordion.Panel>
          </Accordion.Item>
        )}
        {/* Values are ids (aria-controls): an index, never the label with its spaces. */}
        {test.messages.map((message, index) => (
          <Accordion.Item key={message.label} value={`message-${index}`}>
            <Accordion.Control>{message.label}</Accordion.Control>
            <Accordion.Panel>
              {/* Focusable, so that the keyboard can scroll it. */}
              <Code block mah={360} style={{ overflow: 'auto' }} tabIndex={0} aria-label={message.label}>
                {message.body}
              </Code>
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </Stack>
  );
}
