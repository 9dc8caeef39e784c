/** The page's side of the QR worker: one worker, one request at a time, a time limit on each. */
import type { QrSource } from '../../../../../shared/otp/qr-reader-options';
import type { DecodeFailure, DecodeResponse } from './protocol';

const TIME_LIMIT_MS = 8000;

export class DecodeError extends Error {
  constructor(readonly failure: DecodeFailure | { reason: 'scan.timeout' }) {
    super(failure.reason);
  }
}

let worker: Worker | null = null;
let nextId = 1;

function getWorker(): Worker {
  worker ??= new Worker(new URL('./qr-worker.ts', import.meta.url), { type: 'module', name: 'qr-decoder' });
  return worker;
}

/** Decodes every QR code in an image file or a video frame; rejects with a DecodeError. */
export function decodeQr(
  input: Blob | ImageData,
  source: QrSource = 'screen',
): Promise<{ texts: string[]; engine: string }> {
  const id = nextId++;
  const current = getWorker();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      // A decode that runs away is stopped, not waited for: the next call gets a fresh worker.
      current.terminate();
      if (worker === current) worker = null;
      reject(new DecodeError({ reason: 'scan.timeout' }));
    }, TIME_LIMIT_MS);
    const onMessage = (event: MessageEvent<DecodeResponse>) => {
      if (event.data.id !== id) return;
      clearTimeout(timer);
      current.removeEventListener('message', onMessage);
      const response = event.data;
      if (response.ok) resolve({ texts: response.texts, engine: response.engine });
      else reject(new DecodeError(response));
    };
    current.addEventListener('message', onMessage);
    // A frame's pixels move to the worker rather than being copied (8 MB at 1080p); callers are done with them.
    if (input instanceof Blob) current.postMessage({ id, image: input });
    else current.postMessage({ id, frame: input, source }, [input.data.buffer]);
  });
}

/** No desktop has more monitors than this; a bound on the capture loop all the same. */
const MAX_SCREENS = 8;

/**
 * The QR texts on the screen. In the desktop app, main grants each capture request the next monitor
 * in turn (electron/main/screen-sources.ts), so when the first shows no code the others are tried;
 * a track label seen before means every monitor was. In a browser the person chose what to share
 * (or Chromium did, by policy): one capture.
 */
export async function decodeScreens(
  allMonitors: boolean,
  /** What counts as found (an authenticator code); other QR codes do not stop the search. */
  wanted: (text: string) => boolean,
): Promise<string[]> {
  let seenTexts: string[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < (allMonitors ? MAX_SCREENS : 1); i++) {
    const { frame, label } = await captureScreen();
    if (seen.has(label)) break;
    seen.add(label);
    const { texts } = await decodeQr(frame, 'screen');
    if (texts.some(wanted)) return texts;
    seenTexts = [...seenTexts, ...texts];
  }
  // None wanted: the other codes found, so the person hears what they were.
  return seenTexts;
}

/** One full-resolution frame of the screen shared, via the web capture API, and its track's label. */
async function captureScreen(): Promise<{ frame: ImageData; label: string }> {
  const stream = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: false });
  const label = stream.getVideoTracks()[0]?.label ?? '';
  try {
    const video = document.createElement('video');
    video.muted = true;
    video.srcObject = stream;
    await video.play();
    // Wait for a frame with real dimensions.
    while (video.videoWidth === 0) await new Promise((r) => requestAnimationFrame(r));
    const canvas = new OffscreenCanvas(video.videoWidth, video.videoHeight);
    const context = canvas.getContext('2d', { willReadFrequently: true })!;
    context.drawImage(video, 0, 0);
    video.pause();
    return { frame: context.getImageData(0, 0, canvas.width, canvas.height), label };
  } finally {
    for (const track of stream.getTracks()) track.stop();
  }
}
