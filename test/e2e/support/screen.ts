/**
 * Two Chromium windows side by side on the X screen (no window manager, so the positions hold): one
 * shows a QR code, the other runs Tessera with Chromium picking "Entire screen" for getDisplayMedia,
 * as a person would. For the "Scan the screen" spec and its benchmark.
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM } from '../../../playwright.config';

export interface ScreenPair {
  /** The window that shows QR codes. */
  shower: Page;
  /** The window Tessera runs in. */
  app: Page;
  close(): Promise<void>;
}

/** Sizes as "width,height" and positions as "x,y", Chromium's own flag format. */
export async function openScreenPair(layout: {
  app: { position: string; size: string };
  shower: { position: string; size: string };
}): Promise<ScreenPair> {
  const browsers: Browser[] = [];
  try {
    const showerBrowser = await chromium.launch({
      ...CHROMIUM,
      headless: false,
      args: [
        ...CHROMIUM.args,
        `--window-position=${layout.shower.position}`,
        `--window-size=${layout.shower.size}`,
        '--app=data:text/html,',
      ],
    });
    browsers.push(showerBrowser);
    const appBrowser = await chromium.launch({
      ...CHROMIUM,
      headless: false,
      args: [
        ...CHROMIUM.args,
        `--window-position=${layout.app.position}`,
        `--window-size=${layout.app.size}`,
        '--auto-select-desktop-capture-source=Entire screen',
      ],
    });
    browsers.push(appBrowser);
    return {
      shower: await showerBrowser.newPage({ viewport: null }),
      app: await appBrowser.newPage({ viewport: null }),
      close: async () => {
        for (const browser of browsers) await browser.close();
      },
    };
  } catch (error) {
    for (const browser of browsers) await browser.close();
    throw error;
  }
}

/** Shows one PNG, alone on a white page. */
export async function showImage(page: Page, png: Buffer, margin = 0): Promise<void> {
  await page.setContent(
    `<body style="margin:${margin}px;background:#fff"><img alt="qr" src="data:image/png;base64,${png.toString('base64')}"></body>`,
  );
  await page.getByAltText('qr').waitFor();
}
