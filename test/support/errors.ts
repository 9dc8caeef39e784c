import { AppError } from '../../shared/ipc/errors';

/** The reason key of the AppError a promise rejects with; fails the test if it resolves. */
export async function rejectionReason(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error.reason;
    throw error;
  }
  throw new Error('expected a rejection');
}
