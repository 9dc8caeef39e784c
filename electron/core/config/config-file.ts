/**
 * The configuration file as text: YAML in (parsed once, every problem named by its path in the
 * file and, where the yaml library knows it, its line and column) and YAML out.
 */
import { Document, LineCounter, isNode, parseDocument, type Node } from 'yaml';
import type { z } from 'zod';
import { AppError, ErrorCode } from '../../../shared/ipc/errors';
import { CONFIG_FILE_MAX_BYTES, ConfigFileSchema, type ConfigFile } from '../../../shared/admin/config';

export type ConfigPath = readonly (string | number)[];

export interface ConfigProblem {
  path: ConfigPath;
  message: string;
}

/** `idps[1].saml.ssoUrl` */
export function formatPath(path: ConfigPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out || '(the file)';
}

/** Where a path is in the file (1-based), the nearest enclosing node when the key itself is missing. */
export type Locate = (path: ConfigPath) => { line: number; column: number } | null;

/** What the import refuses, with every problem it found (the first few in the message). */
export function configInvalid(problems: ConfigProblem[], locate: Locate): AppError {
  const lines = problems.map((problem) => {
    const at = locate(problem.path);
    const where = at ? ` (line ${at.line}, column ${at.column})` : '';
    return `${formatPath(problem.path)}${where}: ${problem.message}`;
  });
  const shown = lines.slice(0, 10);
  if (lines.length > shown.length) shown.push(`… and ${lines.length - shown.length} more.`);
  const first = problems[0]!;
  const at = locate(first.path);
  return new AppError(ErrorCode.InvalidInput, shown.join('\n'), 'config.invalid', {
    path: formatPath(first.path),
    problems: problems.length,
    ...(at ? { line: at.line, column: at.column } : {}),
  });
}

export interface ParsedConfigFile {
  file: ConfigFile;
  locate: Locate;
}

/** YAML → the file's shape (ConfigFileSchema). Meaning is checked afterwards, by the plan. */
export function parseConfigYaml(content: string): ParsedConfigFile {
  const noPlace: Locate = () => null;
  if (Buffer.byteLength(content, 'utf8') > CONFIG_FILE_MAX_BYTES) {
    throw configInvalid(
      [{ path: [], message: `The file is larger than ${CONFIG_FILE_MAX_BYTES / 1024 / 1024} MB.` }],
      noPlace,
    );
  }
  const lineCounter = new LineCounter();
  // uniqueKeys: a key given twice is an error, not "the last one wins" silently.
  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(content, { lineCounter, uniqueKeys: true, prettyErrors: false });
  } catch (error) {
    // A pathological file (nested thousands deep) can exhaust the parser's stack.
    throw configInvalid(
      [{ path: [], message: `The file cannot be read as YAML (${(error as Error).message}).` }],
      noPlace,
    );
  }
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((error) => {
      const at = lineCounter.linePos(error.pos[0]);
      return {
        path: [] as ConfigPath,
        message: `line ${at.line}, column ${at.col}: ${error.message.split('\n')[0]}`,
      };
    });
    throw configInvalid(problems, noPlace);
  }
  const locate: Locate = (path) => {
    for (let length = path.length; length >= 0; length--) {
      const node = doc.getIn(path.slice(0, length), true) as Node | undefined;
      if (isNode(node) && node.range) {
        const at = lineCounter.linePos(node.range[0]);
        return { line: at.line, column: at.col };
      }
    }
    return null;
  };
  let value: unknown;
  try {
    // Aliases are YAML's way to blow a small file up into a huge value ("billion laughs").
    value = doc.toJS({ maxAliasCount: 50 });
  } catch (error) {
    throw configInvalid([{ path: [], message: (error as Error).message }], noPlace);
  }
  const parsed = ConfigFileSchema.safeParse(value);
  if (!parsed.success) throw configInvalid(zodProblems(parsed.error), locate);
  return { file: parsed.data, locate };
}

export function zodProblems(error: z.ZodError, prefix: ConfigPath = []): ConfigProblem[] {
  return error.issues.map((issue) => ({
    path: [...prefix, ...(issue.path as (string | number)[])],
    message: issue.message,
  }));
}

const HEADER = `Tessera organization configuration (configuration as code).
No secrets: OIDC client secrets stay in the keychain ("clientSecret: { set: true }" keeps the stored
one), SP private keys and local users' passwords are not exported. Apply with
"npm start -- config apply FILE" or under Organization → Configuration as code. Objects are matched
by name (applications by key); one that is not in the file is removed on apply.`;

export function stringifyConfig(file: ConfigFile): string {
  const doc = new Document(file);
  doc.commentBefore = HEADER.split('\n')
    .map((line) => ` ${line}`)
    .join('\n');
  // lineWidth 0: URLs and PEM lines are never folded.
  return doc.toString({ lineWidth: 0 });
}
