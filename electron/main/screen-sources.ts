/**
 * "Scan the screen" on every monitor (issue #4): getDisplayMedia yields one video source per request,
 * so main hands out the screens in turn — the first request of a scan gets the first monitor, the
 * next one the second, and so on, starting over after a pause. The renderer asks again while it has
 * found no code, and stops when a screen comes round a second time. Kept free of Electron so it can
 * be tested under plain Node.
 */
export class ScreenRotation {
  private next = 0;
  private lastAt = Number.NEGATIVE_INFINITY;

  constructor(
    /**
     * Requests further apart than this belong to different scans: longer than one capture plus the
     * decoder's time limit (8 s), so a slow decode does not start the rotation over mid-scan.
     */
    private readonly scanWindowMs = 20_000,
    private readonly now: () => number = Date.now,
  ) {}

  pick<T>(sources: readonly T[]): T | undefined {
    if (sources.length === 0) return undefined;
    const now = this.now();
    if (now - this.lastAt > this.scanWindowMs) this.next = 0;
    this.lastAt = now;
    const source = sources[this.next % sources.length];
    this.next += 1;
    return source;
  }
}
