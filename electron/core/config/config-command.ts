/**
 * Configuration as code from the command line, headless against a data folder:
 *
 *   config export [FILE]        the YAML to FILE, or to stdout
 *   config diff FILE            what applying FILE would change (changes nothing)
 *   config apply FILE [--yes]   prints the diff, asks on a terminal (or --yes), applies
 *
 * Through the same handlers as the console (the machine's own dispatch, like --disable-sso: whoever
 * runs it can read the data folder and the keychain anyway). Exit status: 0 done (or nothing to
 * change), 1 refused (the error names the path in the file), 2 usage or not confirmed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import type { ConfigDiff } from '../../../shared/admin/config';
import type { Core } from '../app-core';

const USAGE = `Usage: npm start -- [--data-dir DIR] config export [FILE]
       npm start -- [--data-dir DIR] config diff FILE
       npm start -- [--data-dir DIR] config apply FILE [--yes]`;

const SIGN = { add: '+', change: '~', remove: '-' } as const;

const WARNING: Record<
  ConfigDiff['warnings'][number]['code'],
  (p: Record<string, string | number>) => string
> = {
  idpWithoutActiveRule: (p) => `${p.idp} is left without an active routing rule: nobody is sent to it.`,
  localUsersDeleted: (p) => `Removing ${p.idp} deletes its ${p.count} local user(s) and their passwords.`,
  idpRemoved: (p) => `${p.idp} is removed, with the links of directory users to it and its test results.`,
};

export function formatDiff(diff: ConfigDiff): string {
  if (diff.changes.length === 0) return 'No changes: the configuration already matches the file.\n';
  const lines: string[] = [];
  for (const change of diff.changes) {
    lines.push(`${SIGN[change.action]} ${change.section}: ${change.name}`);
    if (change.action === 'change') {
      for (const field of change.fields) {
        lines.push(`    ${field.field}: ${field.before ?? '(none)'} → ${field.after ?? '(none)'}`);
      }
    }
  }
  if (diff.warnings.length > 0) {
    lines.push('', 'Warnings:');
    for (const warning of diff.warnings) lines.push(`  ! ${WARNING[warning.code](warning.params)}`);
  }
  lines.push('', `${diff.changes.length} change(s).`);
  return lines.join('\n') + '\n';
}

async function confirm(question: string): Promise<boolean> {
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await prompt.question(question)).trim());
  } finally {
    prompt.close();
  }
}

function readInput(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`${file} cannot be read: ${(error as Error).message}`, { cause: error });
  }
}

/** Runs one `config …` command; returns the exit status. */
export async function runConfigCommand(
  core: Pick<Core, 'dispatchFromMachine'>,
  args: string[],
  options: { yes: boolean },
): Promise<number> {
  const [verb, file, ...rest] = args;
  const fail = (message: string, status = 1) => {
    process.stderr.write(`${message}\n`);
    return status;
  };
  if (rest.length > 0 || !verb || (verb !== 'export' && !file)) return fail(USAGE, 2);
  const call = async <T>(channel: string, request: unknown): Promise<T> => {
    const result = await core.dispatchFromMachine(channel, request);
    if (!result.ok) throw new Error(result.error.message);
    return result.data as T;
  };
  try {
    if (verb === 'export') {
      const { content } = await call<{ content: string }>('admin:config:export', {});
      if (file) {
        writeFileSync(file, content, { mode: 0o600 });
        process.stderr.write(`The configuration is in ${file}.\n`);
      } else {
        process.stdout.write(content);
      }
      return 0;
    }
    if (verb !== 'diff' && verb !== 'apply') return fail(USAGE, 2);
    const content = readInput(file!);
    const diff = await call<ConfigDiff>('admin:config:diff', { content });
    process.stdout.write(formatDiff(diff));
    if (verb === 'diff' || diff.changes.length === 0) return 0;
    if (!options.yes) {
      if (!process.stdin.isTTY) {
        return fail('Nothing was changed: add --yes to apply without a question (no terminal to ask on).', 2);
      }
      if (!(await confirm('Apply these changes? [y/N] '))) return fail('Nothing was changed.', 2);
    }
    await call('admin:config:apply', { content, fingerprint: diff.fingerprint });
    process.stdout.write('Applied.\n');
    return 0;
  } catch (error) {
    return fail(`Nothing was changed. ${(error as Error).message}`);
  }
}
