/** Every monitor in turn for one scan, from the first again for the next scan. */
import { describe, expect, it } from 'vitest';
import { ScreenRotation } from '../../../electron/main/screen-sources';

describe('ScreenRotation', () => {
  it('hands out each screen in turn within a scan, then wraps so the renderer sees a repeat', () => {
    let now = 0;
    const rotation = new ScreenRotation(5_000, () => now);
    const screens = ['screen:0', 'screen:1', 'screen:2'];
    expect([1, 2, 3, 4].map(() => rotation.pick(screens))).toEqual([
      'screen:0',
      'screen:1',
      'screen:2',
      'screen:0',
    ]);
    now += 6_000;
    expect(rotation.pick(screens)).toBe('screen:0');
    now += 1_000;
    expect(rotation.pick(screens)).toBe('screen:1');
  });

  it('keeps one scan together across a slow decode (longer than the 8 s decode limit)', () => {
    let now = 0;
    const rotation = new ScreenRotation(undefined, () => now);
    expect(rotation.pick(['a', 'b', 'c'])).toBe('a');
    now += 9_000;
    expect(rotation.pick(['a', 'b', 'c'])).toBe('b');
  });

  it('gives one monitor every time, and nothing when there is no screen', () => {
    const rotation = new ScreenRotation();
    expect([rotation.pick(['only']), rotation.pick(['only'])]).toEqual(['only', 'only']);
    expect(rotation.pick([])).toBeUndefined();
  });
});
