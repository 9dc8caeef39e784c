import { Alert } from '@mantine/core';
import { ApiError } from '../api/client';
import i18n, { errorMessage } from '../i18n';

/** The translated message for anything a call can throw: the core's own error, or a generic one. */
export function describeError(error: unknown): string {
  return error instanceof ApiError ? errorMessage(error.shape) : i18n.t('errors.INTERNAL');
}

/** A failed call, said in plain words; nothing when there is no error. */
export function ErrorAlert({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <Alert color="red" role="alert" variant="light">
      {describeError(error)}
    </Alert>
  );
}
