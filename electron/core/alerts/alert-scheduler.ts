/**
 * Runs the alert check and the mail queues: at start (catching up on what happened while Tessera
 * was closed), when something changed (poke), at the next threshold or retry, and at least hourly
 * (a sleeping laptop delays timers; the clock may have been changed). The clock and the timers are
 * injected, so tests move time and run it by hand.
 */
import type { Clock } from '../totp/vault-service';
import { createLogger } from '../logger';

const log = createLogger('alert-scheduler');

export interface Timers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = {
  setTimeout: (run, ms) => {
    const handle = setTimeout(run, ms);
    // A pending check must not keep a CLI or a test process alive.
    handle.unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** One job: does what is due now, and says when it next has something to do (null: nothing planned). */
export type ScheduledJob = () => Promise<number | null> | number | null;

const AT_LEAST_EVERY_MS = 60 * 60_000;
const SOONEST_MS = 1_000;

export class AlertScheduler {
  private timer: unknown = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = true;

  constructor(
    private readonly jobs: ScheduledJob[],
    private readonly clock: Clock,
    private readonly timers: Timers = realTimers,
  ) {}

  start(): void {
    this.stopped = false;
    this.poke();
  }

  /** Run soon (coalesced): a certificate, a rule or the mail server changed, or a mail was queued. */
  poke(): void {
    if (this.stopped) return;
    this.schedule(0);
  }

  /** Runs every job now (one run at a time; a run asked for meanwhile follows the current one). */
  runNow(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.run().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        void this.runNow();
      }
    });
    return this.running;
  }

  private async run(): Promise<void> {
    let next = this.clock.now() + AT_LEAST_EVERY_MS;
    for (const job of this.jobs) {
      try {
        const at = await job();
        if (at !== null) next = Math.min(next, at);
      } catch (error) {
        log.error('An alert job failed; it runs again at the next check', error);
      }
    }
    this.schedule(Math.max(SOONEST_MS, next - this.clock.now()));
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = this.timers.setTimeout(
      () => {
        this.timer = null;
        void this.runNow();
      },
      Math.max(ms <= 0 ? 0 : SOONEST_MS, Math.min(ms, AT_LEAST_EVERY_MS)),
    );
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }
}
