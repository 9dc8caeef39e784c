import {
  Button,
  Card,
  Group,
  Modal,
  PasswordInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ADMIN_LIMITS } from '../../../../shared/admin/schemas';
import { DeleteButton } from '../../app/confirm';
import { FormActions } from '../../app/FormActions';
import { ErrorAlert } from '../../app/ErrorAlert';
import { useAdminMutation, useAdminQuery } from '../admin/api';

/** B1: the built-in identity's own accounts (passwords are hashed with Argon2id in main). */
export function LocalUsers() {
  const { t } = useTranslation();
  const users = useAdminQuery('sso:user:list', {});
  const remove = useAdminMutation('sso:user:delete');
  const [adding, setAdding] = useState(false);
  return (
    <Card withBorder>
      <Stack>
        <Group justify="space-between">
          <Title order={3} size="h4">
            {t('builtin.users')}
          </Title>
          <Button size="xs" variant="light" onClick={() => setAdding(true)}>
            {t('builtin.addUser')}
          </Button>
        </Group>
        <ErrorAlert error={users.error ?? remove.error} />
        {users.data?.length === 0 ? (
          <Text c="dimmed">{t('builtin.noUsers')}</Text>
        ) : (
          <Table>
            <Table.Tbody>
              {users.data?.map((user) => (
                <Table.Tr key={user.id}>
                  <Table.Td>{user.email}</Table.Td>
                  <Table.Td>{user.displayName}</Table.Td>
                  <Table.Td w={40}>
                    <DeleteButton
                      label={t('builtin.deleteUser', { email: user.email })}
                      body={t('builtin.deleteUserBody')}
                      onConfirm={() => remove.mutate({ id: user.id })}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      {adding && <AddUser onClose={() => setAdding(false)} />}
    </Card>
  );
}

function AddUser({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const add = useAdminMutation('sso:user:add');
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const short = password.length > 0 && password.length < ADMIN_LIMITS.passwordMin;
  return (
    <Modal opened onClose={onClose} title={t('builtin.addUser')}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          add.mutate({ email, displayName, password }, { onSuccess: onClose });
        }}
      >
        <Stack>
          <TextInput
            label={t('builtin.email')}
            type="email"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            required
            data-autofocus
          />
          <TextInput
            label={t('builtin.displayName')}
            value={displayName}
            onChange={(e) => setDisplayName(e.currentTarget.value)}
          />
          <PasswordInput
            label={t('builtin.password')}
            description={t('builtin.passwordHint', { min: ADMIN_LIMITS.passwordMin })}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={short ? t('builtin.passwordShort', { min: ADMIN_LIMITS.passwordMin }) : null}
            autoComplete="new-password"
            required
          />
          <ErrorAlert error={add.error} />
          <FormActions
            onCancel={onClose}
            submitLabel={t('builtin.addUserButton')}
            loading={add.isPending}
            disabled={short || !password}
          />
        </Stack>
      </form>
    </Modal>
  );
}
