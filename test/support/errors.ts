import { AppError } from '../../shared/ipc/errors';

/** The AppError `run` throws; fails the test when it returns, or throws anything else. */
export function thrownAppError(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError to be thrown');
}

/** The AppError a promise rejects with; fails the test when it resolves, or rejects otherwise. */
export async function rejectedAppError(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

/** The reason key of the AppError a promise rejects with. */
export async function rejectionReason(promise: Promise<unknown>): Promise<string | undefined> {
  return (await rejectedAppError(promise)).reason;
}
