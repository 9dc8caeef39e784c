/**
 * `node out/main/server.js [--data-dir DIR] [--port N] [--disable-sso] [--reset-app-lock]`: Tessera in
 * browser mode, under plain Node. `--disable-sso` is the self-recovery path (I6) and exits;
 * `--reset-app-lock` removes a forgotten app lock password and exits.
 * Prints the URL to open (with this launch's token in its fragment).
 *
 * `… config export [FILE] | config diff FILE | config apply FILE [--yes]`: configuration as code,
 * headless (see config-command.ts).
 */
import { parseArgs } from 'node:util';
import { join, resolve } from 'node:path';
import { createCore } from './app-core';
import { createLogger } from './logger';
import { defaultDataDir } from './paths';
import { startServer } from './server';
import { takeKeyringPassword } from './secrets/session-keyring';
import { runConfigCommand } from './config/config-command';

// Before anything can start a child process that would inherit it.
const keyringPassword = takeKeyringPassword();

const log = createLogger('browser-mode');

async function askKeyringPassword(firstTime: boolean): Promise<string | null> {
  if (!process.stdin.isTTY) return null;
  const { default: password } = await import('@inquirer/password');
  const message = firstTime
    ? 'No desktop keyring is running. Choose a password for the keyring Tessera keeps in its data folder:'
    : "Password for Tessera's keyring:";
  const first = await password({ message, mask: '*' });
  if (firstTime && (await password({ message: 'Repeat it:', mask: '*' })) !== first) {
    console.error('The passwords differ.');
    return null;
  }
  return first || null;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      'disable-sso': { type: 'boolean' },
      'reset-app-lock': { type: 'boolean' },
      yes: { type: 'boolean' },
    },
    strict: true,
    allowPositionals: true,
  });
  const command = positionals[0] === 'config' ? positionals.slice(1) : null;
  if (positionals.length > 0 && !command) {
    throw new Error(
      `Unknown command "${positionals.join(' ')}"; the commands are: config export|diff|apply.`,
    );
  }
  // The YAML may go to stdout: no informational log lines in between.
  if (command) process.env.TESSERA_QUIET = '1';
  const dataDir = resolve(values['data-dir'] ?? process.env.TESSERA_DATA_DIR ?? defaultDataDir());
  const port = Number(values.port ?? process.env.TESSERA_PORT ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be 0–65535, not ${values.port}`);

  const core = await createCore({
    dataDir,
    keyringPassword,
    version: process.env.TESSERA_VERSION ?? '0.1.0',
    askKeyringPassword: askKeyringPassword,
    // Only a new organization takes it; after that the port is the admin's setting.
    ...(process.env.TESSERA_SIGNIN_PORT
      ? { defaultSigninPort: Number(process.env.TESSERA_SIGNIN_PORT) }
      : {}),
    // A command is not the app: it does not take the sign-in port (the app may be using it).
    listen: !command && !values['disable-sso'] && !values['reset-app-lock'],
  });
  if (command) {
    process.exitCode = await runConfigCommand(core, command, { yes: values.yes === true }).finally(() =>
      core.close(),
    );
    return;
  }
  if (values['disable-sso']) {
    // I6, self-recovery: an admin whom a broken SSO setup locks out turns SSO off from the machine
    // itself (audited like the switch in the console); the built-in identity keeps signing in.
    // From this machine's command line, so not behind the app lock.
    const result = await core.dispatchFromMachine('sso:sso:set-enabled', { enabled: false, confirm: true });
    core.close();
    if (!result.ok) throw new Error(result.error.message);
    console.log('Single sign-on is now off for every SAML and OpenID Connect identity provider.');
    console.log('The built-in identity still signs people in. Turn SSO on again under Identity providers.');
    return;
  }
  if (values['reset-app-lock']) {
    // The owner forgot the app lock password (or its record is damaged): only from this machine.
    await core.resetAppLock().finally(() => core.close());
    console.log('The app lock is off. Set a new password in the authenticator settings.');
    return;
  }
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer({
      dispatch: core.dispatch,
      rendererDir: join(__dirname, '../renderer'),
      port,
    });
  } catch (error) {
    core.close();
    throw error;
  }
  // The address (with this launch's token) is printed once, for the person who started Tessera.
  console.log(
    `Tessera is running in browser mode (data: ${dataDir}).\nOpen this address in a browser:\n\n  ${server.url}\n`,
  );

  const shutdown = () => {
    void server.close().finally(() => {
      core.close();
      process.exit(0);
    });
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, shutdown);
}

main().catch((error: unknown) => {
  log.error('Tessera could not start', error);
  process.exit(1);
});
