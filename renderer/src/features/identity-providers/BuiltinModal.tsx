import { Checkbox, List, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../app/FormActions';
import { ErrorAlert } from '../../app/ErrorAlert';
import { useAdminMutation } from '../admin/api';
import { EMPTY_RULE, RuleFields, type RuleBody } from '../routing-rules/RuleFields';

/** B1: acknowledge how the built-in identity works, then (unless it is the first IdP) its rule. */
export function BuiltinModal({ first, onClose }: { first: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const add = useAdminMutation('sso:idp:add-builtin');
  const [acknowledged, setAcknowledged] = useState(false);
  const [withRule, setWithRule] = useState(!first);
  const [rule, setRule] = useState<RuleBody>({ ...EMPTY_RULE, name: t('builtin.ruleName') });
  return (
    <Modal opened onClose={onClose} size="lg" title={t('builtin.title')}>
      <Stack>
        <Text size="sm">{t('builtin.intro')}</Text>
        <List size="sm" spacing={4}>
          <List.Item>{t('builtin.point1')}</List.Item>
          <List.Item>{t('builtin.point2')}</List.Item>
          <List.Item>{t('builtin.point3')}</List.Item>
        </List>
        <Checkbox
          label={t('builtin.acknowledge')}
          checked={acknowledged}
          onChange={(e) => setAcknowledged(e.currentTarget.checked)}
        />
        {first ? (
          <Text size="sm" c="dimmed">
            {t('builtin.defaultRule')}
          </Text>
        ) : (
          <>
            <Checkbox
              label={t('builtin.withRule')}
              checked={withRule}
              onChange={(e) => setWithRule(e.currentTarget.checked)}
            />
            {withRule && <RuleFields value={rule} onChange={setRule} />}
          </>
        )}
        <ErrorAlert error={add.error} />
        <FormActions
          onCancel={onClose}
          submitLabel={t('builtin.add')}
          loading={add.isPending}
          disabled={!acknowledged}
          onSubmit={() =>
            add.mutate({ acknowledged: true, rule: !first && withRule ? rule : null }, { onSuccess: onClose })
          }
        />
      </Stack>
    </Modal>
  );
}
