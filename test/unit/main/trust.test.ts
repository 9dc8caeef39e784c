import { describe, expect, it } from 'vitest';
import { isTrustedRendererUrl } from '../../../electron/main/trust';

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
