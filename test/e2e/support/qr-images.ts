/** QR images for the scanning specs, made with the same qrcode library the app uses for export. */
import protobuf from 'protobufjs';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';

export function qrPng(text: string, width = 360): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: 'png', width, margin: 4, errorCorrectionLevel: 'M' });
}

/** Several PNGs side by side on a white canvas: a "screen" with more than one code on it. */
export function sideBySide(images: Buffer[]): Buffer {
  const pngs = images.map((b) => PNG.sync.read(b));
  const gap = 40;
  const width = pngs.reduce((w, p) => w + p.width + gap, gap);
  const height = Math.max(...pngs.map((p) => p.height)) + 2 * gap;
  const out = new PNG({ width, height });
  out.data.fill(255);
  let x = gap;
  for (const png of pngs) {
    PNG.bitblt(png, out, 0, 0, png.width, png.height, x, gap);
    x += png.width + gap;
  }
  return PNG.sync.write(out);
}

/** A white image with no code in it. */
export function blankPng(): Buffer {
  const png = new PNG({ width: 400, height: 300 });
  png.data.fill(255);
  return PNG.sync.write(png);
}

/** A PNG that declares 20000 × 20000 pixels in its header: a decompression bomb. */
export function hugeDeclaredPng(): Buffer {
  const small = PNG.sync.write(new PNG({ width: 64, height: 64 }));
  // IHDR's width and height are the 4-byte big-endian numbers at offsets 16 and 20.
  small.writeUInt32BE(20000, 16);
  small.writeUInt32BE(20000, 20);
  return Buffer.concat([small, Buffer.alloc(48 * 1024)]);
}

const Payload = protobuf
  .parse(
    `syntax = "proto3";
message P {
  message E { bytes secret = 1; string name = 2; string issuer = 3; int32 algorithm = 4; int32 digits = 5; int32 type = 6; }
  repeated E otp_parameters = 1; int32 version = 2; int32 batch_size = 3; int32 batch_index = 4; int32 batch_id = 5;
}`,
    { keepCase: true },
  )
  .root.lookupType('P');

/** A Google Authenticator export code (otpauth-migration://). */
export function migrationUri(
  entries: { secret: Buffer; name: string; issuer: string }[],
  part = { index: 0, size: 1, id: 1 },
): string {
  const message = Payload.fromObject({
    otp_parameters: entries.map((e) => ({ ...e, algorithm: 1, digits: 1, type: 2 })),
    version: 1,
    batch_size: part.size,
    batch_index: part.index,
    batch_id: part.id,
  });
  return `otpauth-migration://offline?data=${encodeURIComponent(Buffer.from(Payload.encode(message).finish()).toString('base64'))}`;
}

/**
 * A Y4M video (what Chromium's fake camera plays) of a QR code on a grey, slightly noisy
 * background, like a phone held up to a webcam: 640×480, 4:2:0, a few frames.
 */
export async function qrY4m(text: string, frames = 10): Promise<Buffer> {
  const [width, height] = [640, 480];
  const code = PNG.sync.read(await qrPng(text, 300));
  const chunks: Buffer[] = [Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`)];
  let seed = 7;
  const noise = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32 - 0.5) * 24;
  for (let f = 0; f < frames; f++) {
    const luma = Buffer.alloc(width * height);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const [cx, cy] = [x - 170, y - 90];
        const inside = cx >= 0 && cy >= 0 && cx < code.width && cy < code.height;
        const value = inside ? 40 + (code.data[(cy * code.width + cx) * 4]! / 255) * 170 : 128;
        luma[y * width + x] = Math.max(0, Math.min(255, Math.round(value + noise())));
      }
    }
    const chroma = Buffer.alloc((width / 2) * (height / 2), 128);
    chunks.push(Buffer.from('FRAME\n'), luma, chroma, chroma);
  }
  return Buffer.concat(chunks);
}
