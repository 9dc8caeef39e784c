/**
 * The one gate every call from the renderer passes through, whichever transport carried it.
 * It parses the arguments against the contract, runs the handler, parses the response, and turns
 * every outcome into a `Result`. The transports check *who* is calling (Electron: the sender frame;
 * HTTP: host, origin and token) before they hand a call here.
 */
import { AppError, ErrorCode, type Result } from '../../shared/ipc/errors';
import {
  contract,
  isChannel,
  type Channel,
  type RequestOf,
  type ResponseOf,
} from '../../shared/ipc/contract';
import { createLogger } from './logger';

export type HandlerTable = {
  [C in Channel]: (request: RequestOf<C>) => Promise<ResponseOf<C>> | ResponseOf<C>;
};

const log = createLogger('gate');

export function createGate(handlers: HandlerTable) {
  return async function dispatch(channel: unknown, request: unknown): Promise<Result<unknown>> {
    if (!isChannel(channel)) {
      return { ok: false, error: { code: ErrorCode.UnknownChannel, message: 'Unknown channel.' } };
    }
    const spec = contract[channel];
    const parsed = spec.request.safeParse(request);
    if (!parsed.success) {
      // Only paths and zod's wording: never echo the values, they may be secrets.
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? ` at "${issue.path.join('.')}"` : '';
      return {
        ok: false,
        error: {
          code: ErrorCode.BadRequest,
          message: `The request for ${channel} is malformed${where}: ${issue?.message ?? 'invalid'}.`,
        },
      };
    }
    try {
      const handler = handlers[channel] as (req: unknown) => unknown;
      const data = spec.response.parse(await handler(parsed.data));
      return { ok: true, data };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toShape() };
      log.error(`${channel} failed`, error);
      return {
        ok: false,
        error: { code: ErrorCode.Internal, message: 'Something went wrong inside Tessera.' },
      };
    }
  };
}

export type Dispatch = ReturnType<typeof createGate>;
