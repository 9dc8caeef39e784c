/**
 * QR decoding off the UI thread. zxing-wasm (its reader build) is the engine; its .wasm ships with
 * Tessera and is loaded from our own origin — by default zxing-wasm would fetch it from a public
 * CDN at run time. jsQR is the fallback where WebAssembly cannot be instantiated. Images are checked
 * by their header before anything is decoded, and decoded at full resolution.
 */
import { imageSize } from 'image-size';
import jsQR from 'jsqr';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import { QR_READER_PASSES, type QrSource } from '../../../../../shared/otp/qr-reader-options';
import { IMAGE_LIMITS, type DecodeFailure, type DecodeRequest, type DecodeResponse } from './protocol';

prepareZXingModule({
  overrides: {
    locateFile: (path: string, prefix: string) =>
      path.endsWith('.wasm') ? new URL(wasmUrl, self.location.href).href : prefix + path,
  },
});

class Refused extends Error {
  constructor(readonly failure: DecodeFailure) {
    super(failure.reason);
  }
}

async function toImageData(image: Blob): Promise<ImageData> {
  if (image.size > IMAGE_LIMITS.maxBytes) {
    throw new Refused({
      reason: 'scan.fileTooLarge',
      params: { maxMegabytes: IMAGE_LIMITS.maxBytes / 1024 / 1024 },
    });
  }
  const bytes = new Uint8Array(await image.arrayBuffer());
  let size: { width?: number; height?: number };
  try {
    size = imageSize(bytes);
  } catch {
    throw new Refused({ reason: 'scan.notImage' });
  }
  const width = size.width ?? 0;
  const height = size.height ?? 0;
  if (width <= 0 || height <= 0) throw new Refused({ reason: 'scan.damaged' });
  if (
    width > IMAGE_LIMITS.maxSide ||
    height > IMAGE_LIMITS.maxSide ||
    width * height > IMAGE_LIMITS.maxPixels
  ) {
    throw new Refused({
      reason: 'scan.tooLarge',
      params: {
        width,
        height,
        maxSide: IMAGE_LIMITS.maxSide,
        maxMegapixels: IMAGE_LIMITS.maxPixels / 1_000_000,
      },
    });
  }
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(new Blob([bytes], { type: image.type }));
  } catch {
    throw new Refused({ reason: 'scan.damaged' });
  }
  // The decoder must agree with the header we checked; anything else is a crafted file.
  if (bitmap.width !== width || bitmap.height !== height) {
    bitmap.close();
    throw new Refused({ reason: 'scan.damaged' });
  }
  const context = new OffscreenCanvas(width, height).getContext('2d', { willReadFrequently: true })!;
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  return context.getImageData(0, 0, width, height);
}

let zxingWorks = true;

async function decode(
  frame: ImageData,
  source: QrSource,
): Promise<{ texts: string[]; engine: 'zxing-wasm' | 'jsqr' }> {
  if (zxingWorks) {
    try {
      let texts: string[] = [];
      for (const options of QR_READER_PASSES[source]) {
        const results = await readBarcodes(frame, { ...options, formats: [...options.formats] });
        texts = [...new Set(results.filter((r) => r.isValid).map((r) => r.text))];
        if (texts.length > 0) break;
      }
      return { texts, engine: 'zxing-wasm' };
    } catch {
      // WebAssembly could not be instantiated (policy, old runtime): fall back for good.
      zxingWorks = false;
    }
  }
  // jsQR keeps options in a module-wide object in 1.4.0: pass them on every call.
  const found = jsQR(frame.data, frame.width, frame.height, { inversionAttempts: 'attemptBoth' });
  return { texts: found ? [found.data] : [], engine: 'jsqr' };
}

self.onmessage = async (event: MessageEvent<DecodeRequest>) => {
  const request = event.data;
  let response: DecodeResponse;
  try {
    // An image file is most often a screenshot: it gets the screen's passes (a photo, the second).
    const [frame, source] =
      'frame' in request
        ? [request.frame, request.source]
        : [await toImageData(request.image), 'screen' as const];
    response = { id: request.id, ok: true, ...(await decode(frame, source)) };
  } catch (error) {
    response =
      error instanceof Refused
        ? { id: request.id, ok: false, ...error.failure }
        : { id: request.id, ok: false, reason: 'scan.damaged' };
  }
  self.postMessage(response);
};
