/** electron-builder.yml is valid for electron-builder itself, and says what the issue requires. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..', '..');
const require = createRequire(import.meta.url);
const config = parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8'));

describe('electron-builder.yml', () => {
  it("validates against electron-builder's schema", () => {
    const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    expect(validate(config), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('catches a broken config (the validation is real)', () => {
    const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8'));
    const validate = new Ajv({ strict: false }).compile(schema);
    expect(validate({ ...config, linux: { target: 42 } })).toBe(false);
    expect(validate({ ...config, nonsense: true })).toBe(false);
  });

  it('targets AppImage + deb, nsis and dmg, with icons and usage descriptions', () => {
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
    for (const platform of ['linux', 'win', 'mac'])
      expect(readFileSync(join(ROOT, config[platform].icon)).length).toBeGreaterThan(1000);
    expect(config.mac.extendInfo.NSCameraUsageDescription).toMatch(/camera/);
    expect(config.mac.extendInfo.NSScreenCaptureUsageDescription).toMatch(/screen/);
    expect(config.files).toContain('out/**');
  });
});
