/**
 * `config export|diff|apply` as a person runs it: a real process on a data folder (headless, the
 * real keychain), its output and exit status.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { requireSecretService, useTempDirs } from '../../../support/temp';

const ROOT = join(__dirname, '..', '..', '..', '..');
const tempDir = useTempDirs();

beforeAll(() => requireSecretService());

function tessera(dataDir: string, ...args: string[]) {
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'electron/core/server-cli.ts'), '--data-dir', dataDir, ...args],
    { encoding: 'utf8', timeout: 60_000, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

/** Written by hand, as an admin would: the defaults left out (mfaRequired, jit). */
const HAND_WRITTEN = `version: 1
organization:
  name: Example Org
  signinPort: 7490
  dnsResolver: null
  ssoEnabled: true
domains:
  - name: example.org
    claimed: false
mfaPolicy:
  enabled: true
  allowPerUser: false
  mandatoryForApplications: true
  mandatoryForOrganization: false
applications:
  - key: payroll
    name: Payroll
    requireMfa: true
directory:
  directorySync: false
  blockProfileUpdate: false
  licenseTemplate: []
idps:
  - name: Built-in identity
    kind: builtin
    activated: true
routing:
  defaultIdp: Built-in identity
  rules:
    - name: Staff
      type: domain
      values: [Example.org]
      idp: Built-in identity
      mfa: enable
      active: true
`;

// Each run starts a process with tsx and opens the store (a few seconds on a busy machine).
describe('npm start -- config …', { timeout: 240_000 }, () => {
  it('applies a hand-written file, previews first, and exports what it applied', async () => {
    const dataDir = tempDir();
    const file = join(tempDir(), 'org.yaml');
    writeFileSync(file, HAND_WRITTEN);

    const diff = tessera(dataDir, 'config', 'diff', file);
    expect(diff.status).toBe(0);
    expect(diff.stdout).toContain('+ idps: Built-in identity');
    expect(diff.stdout).toContain('+ routing: Staff');
    expect(diff.stdout).toMatch(/~ organization: organization\n {4}name: My organization → Example Org/);

    // No terminal to ask on and no --yes: nothing changes.
    const unconfirmed = tessera(dataDir, 'config', 'apply', file);
    expect(unconfirmed.status).toBe(2);
    expect(unconfirmed.stderr).toContain('add --yes');
    expect(parse(tessera(dataDir, 'config', 'export').stdout).idps).toEqual([]);

    const applied = tessera(dataDir, 'config', 'apply', file, '--yes');
    expect(applied.stderr).toBe('');
    expect(applied.status).toBe(0);
    expect(applied.stdout).toContain('Applied.');

    const exported = tessera(dataDir, 'config', 'export');
    expect(exported.status).toBe(0);
    const config = parse(exported.stdout);
    expect(config.organization.name).toBe('Example Org');
    expect(config.routing.rules).toEqual([
      {
        name: 'Staff',
        type: 'domain',
        values: ['example.org'],
        idp: 'Built-in identity',
        mfa: 'enable',
        mfaRequired: false,
        active: true,
      },
    ]);
    // To a file, and applying the export again is no change.
    const out = join(tempDir(), 'exported.yaml');
    expect(tessera(dataDir, 'config', 'export', out).status).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(exported.stdout);
    const again = tessera(dataDir, 'config', 'apply', out, '--yes');
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('No changes');
  });

  it('exits non-zero with the path in the file, and changes nothing', async () => {
    const dataDir = tempDir();
    const file = join(tempDir(), 'bad.yaml');
    writeFileSync(file, HAND_WRITTEN.replace('idp: Built-in identity\n      mfa', 'idp: Okta\n      mfa'));
    const result = tessera(dataDir, 'config', 'apply', file, '--yes');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'routing.rules[0].idp (line 33, column 12): No identity provider in "idps" is called "Okta".',
    );
    expect(parse(tessera(dataDir, 'config', 'export').stdout).organization.name).toBe('My organization');

    writeFileSync(file, 'version: 1\norganization: {name: [\n');
    const broken = tessera(dataDir, 'config', 'diff', file);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/line \d+, column \d+/);

    expect(tessera(dataDir, 'config', 'diff', join(dataDir, 'missing.yaml')).stderr).toContain(
      'cannot be read',
    );
    expect(tessera(dataDir, 'config', 'frobnicate').status).toBe(2);
    expect(tessera(dataDir, 'config', 'apply').status).toBe(2);
  });
});
