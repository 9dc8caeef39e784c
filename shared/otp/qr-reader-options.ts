/**
 * zxing-wasm reader options, one place for the decoding worker and the benchmark: QR only, try
 * harder, inverted and rotated codes too, several codes per frame (several on one screen, or the
 * parts of an export). No downscaling: small codes on a 4K screen are lost by it.
 */
export const QR_READER_OPTIONS = {
  formats: ['QRCode'],
  tryHarder: true,
  tryInvert: true,
  tryRotate: true,
  tryDownscale: false,
  maxNumberOfSymbols: 8,
} as const;

/**
 * The passes a frame gets, in order, until one finds a code (issue #13: the bench's figures).
 * Screens and image files: first one global threshold for the whole frame (GlobalHistogram) — a
 * code on a screen is black on white under even light, and this pass costs 20–60 % less than the
 * local one — then, only when it finds nothing (a photo, uneven light, a code on a gradient),
 * zxing's default local thresholds (LocalAverage). Camera frames: uneven light is the rule there,
 * and the frames without a code (most of them) would pay for both, so the local pass alone.
 */
export const QR_READER_PASSES = {
  screen: [{ ...QR_READER_OPTIONS, binarizer: 'GlobalHistogram' }, QR_READER_OPTIONS],
  camera: [QR_READER_OPTIONS],
} as const;

export type QrSource = keyof typeof QR_READER_PASSES;
