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
