/**
 * QR decoding: zxing-wasm (the engine in the decoding worker, same options) beside jsQR (the
 * fallback) on generated screen and camera frames. Success rate and median / p95 decode time.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { QR_READER_PASSES, type QrSource } from '../shared/otp/qr-reader-options';

interface Frame {
  name: string;
  source: QrSource;
  width: number;
  height: number;
  data: Uint8ClampedArray;
  expected: string[];
}

const require = createRequire(__filename);

/** A deterministic pseudo-random sequence, so every run decodes the same frames. */
function random(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

/** A desktop-like frame: light background with some window-like rectangles. */
function screen(width: number, height: number, seed: number): Uint8ClampedArray {
  const data = new Uint8ClampedArray(width * height * 4).fill(236);
  const next = random(seed);
  for (let r = 0; r < 12; r++) {
    const [x0, y0] = [Math.floor(next() * width * 0.8), Math.floor(next() * height * 0.8)];
    const [w, h] = [Math.floor(80 + next() * 400), Math.floor(40 + next() * 300)];
    const shade = Math.floor(150 + next() * 100);
    for (let y = y0; y < Math.min(height, y0 + h); y++)
      data.fill(shade, (y * width + x0) * 4, (y * width + Math.min(width, x0 + w)) * 4);
  }
  for (let i = 3; i < data.length; i += 4) data[i] = 255;
  return data;
}

async function paste(frame: Frame, text: string, size: number, x: number, y: number, invert = false) {
  const png = PNG.sync.read(await QRCode.toBuffer(text, { width: size, margin: 2 }));
  for (let row = 0; row < png.height; row++) {
    for (let col = 0; col < png.width; col++) {
      const from = (row * png.width + col) * 4;
      const to = ((y + row) * frame.width + (x + col)) * 4;
      const value = invert ? 255 - png.data[from]! : png.data[from]!;
      frame.data[to] = frame.data[to + 1] = frame.data[to + 2] = value;
    }
  }
  frame.expected.push(text);
}

/** A camera-like frame: low contrast and sensor noise. */
function degrade(frame: Frame, seed: number) {
  const next = random(seed);
  for (let i = 0; i < frame.data.length; i += 4) {
    const v = 70 + (frame.data[i]! / 255) * 100 + (next() - 0.5) * 50;
    frame.data[i] = frame.data[i + 1] = frame.data[i + 2] = v;
  }
}

export async function corpus(): Promise<Frame[]> {
  const uri = (n: number) =>
    `otpauth://totp/Bench${n}:user${n}@example.com?secret=JBSWY3DPEHPK3PXP${'A'.repeat(n % 8)}&issuer=Bench${n}`;
  const frames: Frame[] = [];
  const make = (name: string, width: number, height: number, seed: number): Frame => ({
    name,
    source: name.includes('camera') ? 'camera' : 'screen',
    width,
    height,
    data: screen(width, height, seed),
    expected: [],
  });
  for (const [label, w, h] of [
    ['1080p', 1920, 1080],
    ['4K', 3840, 2160],
  ] as const) {
    for (const size of [120, 200]) {
      const f = make(`${label} screen, ${size} px code`, w, h, size);
      await paste(f, uri(size), size, Math.floor(w * 0.61), Math.floor(h * 0.37));
      frames.push(f);
    }
  }
  const inverted = make('1080p screen, inverted code', 1920, 1080, 7);
  await paste(inverted, uri(3), 200, 300, 500, true);
  frames.push(inverted);
  const two = make('1080p screen, two codes', 1920, 1080, 8);
  await paste(two, uri(4), 200, 200, 200);
  await paste(two, uri(5), 200, 1400, 700);
  frames.push(two);
  const exportUri = `otpauth-migration://offline?data=${encodeURIComponent(Buffer.alloc(600, 7).toString('base64'))}`;
  const exported = make('1080p screen, Google export code', 1920, 1080, 9);
  await paste(exported, exportUri, 360, 780, 360);
  frames.push(exported);
  for (const seed of [1, 2, 3]) {
    const camera = make(`720p camera frame ${seed}`, 1280, 720, 20 + seed);
    await paste(camera, uri(10 + seed), 300, 400 + seed * 40, 180);
    degrade(camera, seed);
    frames.push(camera);
  }
  return frames;
}

type Image = Parameters<typeof readBarcodes>[0];

/** The worker's passes (qr-worker.ts): the next only when the one before found nothing. */
async function decodeAsTheWorkerDoes(image: unknown, source: QrSource) {
  let results: Awaited<ReturnType<typeof readBarcodes>> = [];
  for (const options of QR_READER_PASSES[source]) {
    results = await readBarcodes(image as Image, { ...options, formats: [...options.formats] });
    if (results.some((r) => r.isValid)) break;
  }
  return results;
}

/**
 * What zxing-wasm costs on a frame of this size with nothing to find and its fastest settings (one
 * global threshold, no retries): its RGBA → luminance conversion, done in JavaScript inside
 * readBarcodes, and one binarisation. No option goes below it.
 */
async function fixedCost(width: number, height: number, runs: number): Promise<number> {
  const image = {
    data: new Uint8ClampedArray(width * height * 4).fill(236),
    width,
    height,
    colorSpace: 'srgb',
  };
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    await readBarcodes(image as unknown as Image, {
      formats: ['QRCode'],
      binarizer: 'FixedThreshold',
      tryHarder: false,
      tryInvert: false,
      tryRotate: false,
      tryDownscale: false,
    });
    times.push(performance.now() - start);
  }
  return stats(times).median;
}

function stats(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    median: sorted[Math.floor(sorted.length / 2)]!,
    p95: sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!,
  };
}

export async function benchQr(runs = 5): Promise<void> {
  await prepareZXingModule({
    overrides: {
      wasmBinary: readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm')).buffer as ArrayBuffer,
    },
    fireImmediately: true,
  });
  const frames = await corpus();
  console.log(`\nQR decoding (${runs} runs a frame; found = every code in the frame decoded)`);
  console.log(`${'frame'.padEnd(36)} ${'zxing-wasm'.padEnd(30)} jsQR (baseline)`);
  const found = { zxing: 0, jsqr: 0 };
  for (const frame of frames) {
    const image = { data: frame.data, width: frame.width, height: frame.height, colorSpace: 'srgb' as const };
    const zTimes: number[] = [];
    const jTimes: number[] = [];
    let zOk = false;
    let jOk = false;
    for (let r = 0; r < runs; r++) {
      let start = performance.now();
      const results = await decodeAsTheWorkerDoes(image, frame.source);
      zTimes.push(performance.now() - start);
      zOk = frame.expected.every((text) => results.some((res) => res.text === text));
      start = performance.now();
      // jsQR 1.4.0 keeps options in a module-wide object: pass them on every call.
      const j = jsQR(frame.data, frame.width, frame.height, { inversionAttempts: 'attemptBoth' });
      jTimes.push(performance.now() - start);
      jOk = frame.expected.every((text) => j?.data === text);
    }
    if (zOk) found.zxing++;
    if (jOk) found.jsqr++;
    const z = stats(zTimes);
    const j = stats(jTimes);
    const cell = (ok: boolean, s: { median: number; p95: number }) =>
      `${ok ? 'found ' : 'MISSED'} ${s.median.toFixed(1).padStart(7)} / ${s.p95.toFixed(1).padStart(7)} ms`;
    console.log(
      `${frame.name.padEnd(36)} ${cell(zOk, z).padEnd(30)} ${cell(jOk, j)}   ×${(j.median / z.median).toFixed(1)}`,
    );
  }
  console.log(
    `found: zxing-wasm ${found.zxing}/${frames.length}, jsQR ${found.jsqr}/${frames.length}   (targets: 4K ≤ 100 ms median, 1080p ≤ 30 ms, 100% found)`,
  );
  const floor = async (label: string, width: number, height: number) =>
    console.log(
      `${`  zxing-wasm floor, ${label} (blank, fastest)`.padEnd(36)} ${(await fixedCost(width, height, runs * 2)).toFixed(1).padStart(14)} ms   (the part no reader option removes)`,
    );
  await floor('1080p', 1920, 1080);
  await floor('4K', 3840, 2160);
}
