import { Avatar, ThemeIcon, useComputedColorScheme, useMantineTheme } from '@mantine/core';
import { useEffect, useState } from 'react';
import {
  brandFill,
  firstLetter,
  letterColor,
  loadIssuerIndex,
  loadedIssuerIndex,
  matchIssuer,
  type IssuerIndex,
} from './issuer-icon';

const SIZE = 40;

/** Simple Icons, loaded on first use; null until then (and if it cannot be loaded). */
function useIssuerIndex(wanted: boolean): IssuerIndex | null {
  const [index, setIndex] = useState(loadedIssuerIndex);
  useEffect(() => {
    if (!wanted || index) return;
    let live = true;
    void loadIssuerIndex().then((loaded) => {
      if (live && loaded) setIndex(loaded);
    });
    return () => {
      live = false;
    };
  }, [wanted, index]);
  return index;
}

interface Props {
  /** Matched against Simple Icons; may be empty. */
  issuer: string;
  /** What the letter is taken from when there is no brand icon (the issuer, else the account name). */
  name: string;
}

/**
 * The issuer's brand mark on a neutral tile, or a coloured letter until (or unless) one is found.
 * Decorative: the card already names the issuer in text, so the icon is hidden from assistive tech.
 */
export function IssuerIcon({ issuer, name }: Props) {
  const index = useIssuerIndex(issuer.trim() !== '');
  const scheme = useComputedColorScheme('light');
  const theme = useMantineTheme();
  const icon = index ? matchIssuer(index, issuer) : null;

  if (!icon) {
    return (
      <Avatar size={SIZE} radius="md" color={letterColor(name)} aria-hidden>
        {firstLetter(name)}
      </Avatar>
    );
  }
  // The tile is Mantine's "default" surface; a brand colour too close to it (GitHub's near-black in
  // the dark scheme, a white or pale yellow mark in the light one) is drawn in the text colour.
  const tile = scheme === 'dark' ? theme.colors.dark[6] : theme.white;
  const fill = brandFill(icon.hex, tile) ?? 'var(--mantine-color-text)';
  return (
    <ThemeIcon size={SIZE} radius="md" variant="default" aria-hidden data-brand={icon.slug}>
      <svg viewBox="0 0 24 24" width={22} height={22} fill={fill} focusable="false" aria-hidden>
        <path d={icon.path} />
      </svg>
    </ThemeIcon>
  );
}
