/**
 * The renderer's one way to reach the core. In Electron the preload provides `window.tessera`;
 * in browser mode the same contract goes over HTTP with this launch's token, which arrives once in
 * the URL fragment and is then kept in sessionStorage and removed from the address bar.
 */
import type { Channel, RequestOf, ResponseOf, TesseraApi } from '../../../shared/ipc/contract';
import { ErrorCode, type AppErrorShape, type Result } from '../../../shared/ipc/errors';

declare global {
  interface Window {
    tessera?: TesseraApi;
  }
}

const TOKEN_KEY = 'tessera.token';

function takeTokenFromFragment(): string | null {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

function httpApi(): TesseraApi {
  const token = takeTokenFromFragment();
  return {
    async invoke(channel, request) {
      if (!token) {
        return {
          ok: false,
          error: { code: ErrorCode.Forbidden, message: 'No session token.', reason: 'session.noToken' },
        };
      }
      try {
        const response = await fetch(`/api/invoke/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-tessera-token': token },
          body: JSON.stringify(request),
        });
        const body = (await response.json()) as Result<never>;
        if (response.status === 401)
          return {
            ok: false,
            error: {
              ...(body.ok ? { code: ErrorCode.Forbidden, message: '' } : body.error),
              reason: 'session.expired',
            },
          };
        return body;
      } catch {
        return {
          ok: false,
          error: {
            code: ErrorCode.Internal,
            message: 'Tessera is not reachable.',
            reason: 'session.unreachable',
          },
        };
      }
    },
  };
}

export const api: TesseraApi = window.tessera ?? httpApi();
export const transport: 'electron' | 'http' = window.tessera ? 'electron' : 'http';

/** Thrown by `call` so TanStack Query and forms see a failed call as an error with its shape. */
export class ApiError extends Error {
  constructor(readonly shape: AppErrorShape) {
    super(shape.message);
  }
}

export async function call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const result = await api.invoke(channel, request);
  if (!result.ok) throw new ApiError(result.error);
  return result.data;
}
