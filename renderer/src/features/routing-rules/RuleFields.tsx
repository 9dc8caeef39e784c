import { Radio, Select, Stack, Switch, TagsInput, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RULE_MFA, type BuiltinRuleInput, type Idp } from '../../../../shared/admin/schemas';

export type RuleBody = BuiltinRuleInput;

export const EMPTY_RULE: RuleBody = { name: '', type: 'domain', values: [], mfa: 'keep', mfaRequired: false };

/** R4's fields: name, type, domains or groups, (IdP), and the MFA choice. */
export function RuleFields({
  value,
  onChange,
  idps,
  idpId,
  onIdpChange,
}: {
  value: RuleBody;
  onChange(value: RuleBody): void;
  /** Omitted when the IdP is fixed (the built-in identity's own rule). */
  idps?: Idp[];
  idpId?: string | null;
  onIdpChange?(idpId: string | null): void;
}) {
  const { t } = useTranslation();
  const set = (change: Partial<RuleBody>) => onChange({ ...value, ...change });
  return (
    <Stack>
      <TextInput
        label={t('rules.name')}
        value={value.name}
        onChange={(e) => set({ name: e.currentTarget.value })}
        required
      />
      <Radio.Group
        label={t('rules.type')}
        value={value.type}
        onChange={(type) => set({ type: type as RuleBody['type'] })}
      >
        <Stack gap={6} mt={4}>
          <Radio value="domain" label={t('rules.typeDomain')} />
          <Radio value="group" label={t('rules.typeGroup')} />
        </Stack>
      </Radio.Group>
      <TagsInput
        label={value.type === 'domain' ? t('rules.domains') : t('rules.groups')}
        description={t('rules.valuesHint')}
        value={value.values}
        onChange={(values) => set({ values })}
        splitChars={[',', ' ', ';']}
        required
      />
      {idps && (
        <Select
          label={t('rules.idp')}
          data={idps.map((idp) => ({ value: idp.id, label: idp.name }))}
          value={idpId ?? null}
          onChange={(id) => onIdpChange?.(id)}
          allowDeselect={false}
          required
        />
      )}
      <Radio.Group
        label={t('rules.mfa')}
        value={value.mfa}
        onChange={(mfa) => set({ mfa: mfa as RuleBody['mfa'] })}
      >
        <Stack gap={6} mt={4}>
          {RULE_MFA.map((choice) => (
            <Radio key={choice} value={choice} label={t(`rules.mfaChoice.${choice}`)} />
          ))}
        </Stack>
      </Radio.Group>
      {value.mfa === 'override' && (
        <Switch
          label={t('rules.mfaRequired')}
          checked={value.mfaRequired}
          onChange={(e) => set({ mfaRequired: e.currentTarget.checked })}
        />
      )}
    </Stack>
  );
}
