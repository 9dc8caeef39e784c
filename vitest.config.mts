import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    // Keychain tests talk to one real Secret Service; keep files from racing on it.
    fileParallelism: false,
    testTimeout: 20_000,
  },
});
