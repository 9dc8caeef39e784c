/**
 * One logger per module. Messages are written by us; errors are reduced to name and message so that
 * a library's error object (which may carry request bodies) is never dumped whole. Never pass a
 * secret, a code, a token or an assertion body here.
 */
export interface Logger {
  info(message: string): void;
  warn(message: string, error?: unknown): void;
  error(message: string, error?: unknown): void;
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return error === undefined ? '' : String(error);
}

export function createLogger(module: string): Logger {
  const line = (level: string, message: string, error?: unknown) => {
    const suffix = error === undefined ? '' : ` (${describe(error)})`;
    return `${new Date().toISOString()} ${level} [${module}] ${message}${suffix}`;
  };
  return {
    info: (message) => {
      if (process.env.TESSERA_QUIET !== '1') console.info(line('INFO', message));
    },
    warn: (message, error) => console.warn(line('WARN', message, error)),
    error: (message, error) => console.error(line('ERROR', message, error)),
  };
}
