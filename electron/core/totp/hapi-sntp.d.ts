/**
 * The part of @hapi/sntp 4 that Tessera uses. The package ships no types; its DefinitelyTyped
 * entry (@types/hapi__sntp) describes version 3 and would be one more dependency for one function.
 * Field names and units as in its lib/index.js (times in ms since the Unix epoch).
 */
declare module '@hapi/sntp' {
  export interface TimeOptions {
    host?: string;
    port?: number;
    /** ms; 0 (the library's default) waits for ever. */
    timeout?: number;
    resolveReference?: boolean;
  }

  export interface TimeResult {
    leapIndicator: 'no-warning' | 'last-minute-61' | 'last-minute-59' | 'alarm';
    version: number;
    mode: string;
    /** 'death' is stratum 0: a kiss-o'-death or an unsynchronised server (RFC 5905 §7.4). */
    stratum: 'death' | 'primary' | 'secondary' | 'reserved';
    originateTimestamp: number;
    receiveTimestamp: number;
    transmitTimestamp: number;
    /** Round-trip delay, ms: (T4 − T1) − (T3 − T2). */
    d: number;
    /** Offset of the server's clock from Date.now(), ms: ((T2 − T1) + (T3 − T4)) / 2. */
    t: number;
    receivedLocally: number;
  }

  export function time(options?: TimeOptions): Promise<TimeResult>;
}
