import { describe, expect, it } from 'vitest';
import { isTestSsoUrl, isTrustedRendererUrl } from '../../../electron/main/trust';

describe('isTrustedRendererUrl', () => {
  it("trusts the built renderer's own pages", () => {
    expect(isTrustedRendererUrl('tessera://app/index.html')).toBe(true);
    expect(isTrustedRendererUrl('tessera://app/assets/qr-worker.js')).toBe(true);
  });

  it('trusts the dev server only when one is running', () => {
    expect(isTrustedRendererUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isTrustedRendererUrl('http://localhost:5173/')).toBe(false);
    expect(isTrustedRendererUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
  });

  it('trusts nothing else', () => {
    for (const url of [
      undefined,
      '',
      'not a url',
      'https://example.com/',
      'tessera://evil/index.html',
      'tessera://app.evil.com/',
      'tessera://user:pass@app/',
      'file:///etc/passwd',
      'about:blank',
      'data:text/html,<script>1</script>',
      'javascript:alert(1)',
    ]) {
      expect(isTrustedRendererUrl(url), String(url)).toBe(false);
    }
  });
});

describe('isTestSsoUrl', () => {
  it('accepts exactly a Test SSO link of the local sign-in service', () => {
    expect(isTestSsoUrl('http://127.0.0.1:7480/test/0f8fad5b-d9cb-469f-a165-70867728950e')).toBe(true);
  });

  it('refuses anything else the renderer might try to open', () => {
    for (const url of [
      'https://127.0.0.1:7480/test/0f8fad5b-d9cb-469f-a165-70867728950e',
      'http://localhost:7480/test/0f8fad5b-d9cb-469f-a165-70867728950e',
      'http://127.0.0.1.evil.example:7480/test/0f8fad5b-d9cb-469f-a165-70867728950e',
      'http://127.0.0.1:7480/test/0f8fad5b-d9cb-469f-a165-70867728950e/../../admin',
      'http://127.0.0.1:7480/test/0f8fad5b-d9cb-469f-a165-70867728950e?x=1',
      'http://user@127.0.0.1:7480/test/0f8fad5b-d9cb-469f-a165-70867728950e',
      'http://127.0.0.1:7480/',
      'file:///etc/passwd',
      'javascript:alert(1)',
    ]) {
      expect(isTestSsoUrl(url), url).toBe(false);
    }
  });
});
