/** Messages between the page and the QR worker. */
export const IMAGE_LIMITS = {
  /** Refused before decoding: a small file can declare a huge canvas (a decompression bomb). */
  maxPixels: 16_000_000,
  maxSide: 8192,
  maxBytes: 50 * 1024 * 1024,
} as const;

export type DecodeRequest = { id: number; image: Blob } | { id: number; frame: ImageData };

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
