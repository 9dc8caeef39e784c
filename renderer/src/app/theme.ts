/**
 * The Mantine theme, with every colour readable (WCAG 2 AA, 4.5:1 for text) in both schemes.
 *
 * Mantine's defaults miss it in the light scheme: filled buttons are shade 6 (indigo 4.32:1 under
 * white text, red 3.28:1), coloured text and outlines use the same shade, "light" badges put shade
 * 9 on shade 1 (green 4.0:1) and dimmed text is gray 6 (3.32:1). Fixing it here, once, keeps every
 * component right, including the ones other features add later.
 */
import {
  Drawer,
  Menu,
  Modal,
  Notification,
  createTheme,
  darken,
  luminance,
  type CSSVariablesResolver,
  type MantineColorsTuple,
} from '@mantine/core';

/** A little above 4.5: axe measures blended and rounded colours. */
const TEXT_CONTRAST = 4.6;

/** `closeLabel` names every dialog's, drawer's and notification's close button (Mantine leaves them unnamed). */
export function makeTheme(closeLabel: string) {
  const closeButtonProps = { 'aria-label': closeLabel };
  return createTheme({
    primaryColor: 'indigo',
    defaultRadius: 'md',
    // Filled backgrounds one shade darker; where white text would still be too faint on them
    // (green, orange, yellow …), Mantine puts dark text instead.
    primaryShade: { light: 8, dark: 8 },
    autoContrast: true,
    luminanceThreshold: 0.18,
    components: {
      Modal: Modal.extend({ defaultProps: { closeButtonProps } }),
      Drawer: Drawer.extend({ defaultProps: { closeButtonProps } }),
      Notification: Notification.extend({ defaultProps: { closeButtonProps } }),
      // The placeholder Mantine focuses first is a child a menu may not have (aria-required-children);
      // without it the first item gets the focus, as in the WAI-ARIA menu pattern.
      Menu: Menu.extend({ defaultProps: { withInitialFocusPlaceholder: false } }),
    },
  });
}

/**
 * A coloured menu item's text: Mantine paints it with shade 6 whatever the scheme (red 3.28:1 on
 * white), in an inline variable the theme cannot reach; `c={MENU_TEXT.red}` uses the readable one.
 */
export const MENU_TEXT = {
  red: 'var(--mantine-color-red-text)',
  orange: 'var(--mantine-color-orange-text)',
} as const;

export function contrast(a: string, b: string): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (high + 0.05) / (low + 0.05);
}

/** The lightest shade from 7 on that reads on every background; shade 9 darkened if none does. */
function readableShade(shades: MantineColorsTuple, backgrounds: string[]): string {
  const reads = (color: string) => backgrounds.every((bg) => contrast(color, bg) >= TEXT_CONTRAST);
  const found = [shades[7], shades[8], shades[9]].find(reads);
  if (found) return found;
  for (let amount = 0.05; amount < 1; amount += 0.05) {
    const darker = darken(shades[9], amount);
    if (reads(darker)) return darker;
  }
  return '#000000';
}

export const cssVariablesResolver: CSSVariablesResolver = (resolved) => {
  const light: Record<string, string> = {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-text)',
    '--mantine-color-success': 'var(--mantine-color-teal-text)',
    '--mantine-color-anchor': `var(--mantine-color-${resolved.primaryColor}-text)`,
  };
  const dark: Record<string, string> = {
    '--mantine-color-dimmed': 'var(--mantine-color-dark-1)',
    // Red 8 under white is fine on a button, but as text on the dark body it is 3.4:1.
    '--mantine-color-error': 'var(--mantine-color-red-4)',
    '--mantine-color-success': 'var(--mantine-color-teal-4)',
  };
  for (const [name, shades] of Object.entries(resolved.colors)) {
    if (name === 'dark' || name === 'gray') continue;
    // Coloured text, outlines and "light" variants (badges, alerts, the active nav link): on white,
    // on the body's gray 0 and on the variant's own light background.
    const text = readableShade(shades, ['#ffffff', resolved.colors.gray[0], shades[1], shades[2]]);
    light[`--mantine-color-${name}-text`] = text;
    light[`--mantine-color-${name}-light-color`] = text;
    light[`--mantine-color-${name}-outline`] = text;
  }
  return { variables: {}, light, dark };
};
