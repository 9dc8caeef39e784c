import { defineConfig } from '@playwright/test';

/** Debian's Chromium (never `playwright install`); the flags keep it off the network it cannot reach. */
export const CHROMIUM = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

export default defineConfig({
  testDir: 'test/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 1,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  outputDir: 'test-results',
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure' },
  projects: [
    { name: 'browser-mode', testDir: 'test/e2e/browser', use: { launchOptions: CHROMIUM } },
    { name: 'electron', testDir: 'test/e2e/electron' },
  ],
});
