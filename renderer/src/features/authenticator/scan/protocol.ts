/** Messages between the page and the QR worker. */
import type { QrSource } from '../../../../../shared/otp/qr-reader-options';

export const IMAGE_LIMITS = {
  /** Refused before decoding: a small file can declare a huge canvas (a decompression bomb). */
  maxPixels: 16_000_000,
  maxSide: 8192,
  maxBytes: 50 * 1024 * 1024,
} as const;

/** A frame says where it comes from: screens and cameras get different decoding passes (see QR_READER_PASSES). */
export type DecodeRequest = { id: number; image: Blob } | { id: number; frame: ImageData; source: QrSource };

export type DecodeFailure =
  | {
      reason: 'scan.tooLarge';
      params: { width: number; height: number; maxSide: number; maxMegapixels: number };
    }
  | { reason: 'scan.fileTooLarge'; params: { maxMegabytes: number } }
  | { reason: 'scan.notImage' }
  | { reason: 'scan.damaged' };

export type DecodeResponse =
  | { id: number; ok: true; texts: string[]; engine: 'zxing-wasm' | 'jsqr' }
  | ({ id: number; ok: false } & DecodeFailure);
