import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { decodeQr } from './decoder';

const SCAN_INTERVAL_MS = 200;

interface Props {
  onFound(texts: string[]): void;
  onCancel(): void;
}

/** Scans camera frames until a QR code is found, then stops the camera at once. */
export function CameraScanner({ onFound, onCancel }: Props) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // The camera runs once per mount; a new onFound from a parent re-render must not restart it.
  const onFoundRef = useRef(onFound);
  useEffect(() => {
    onFoundRef.current = onFound;
  }, [onFound]);

  useEffect(() => {
    let stream: MediaStream | null = null;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = () => {
      stopped = true;
      clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
    const canvas = new OffscreenCanvas(1, 1);
    const scanFrame = async () => {
      const element = video.current;
      if (stopped || !element) return;
      if (element.videoWidth > 0) {
        // Full resolution: downscaling loses small codes.
        canvas.width = element.videoWidth;
        canvas.height = element.videoHeight;
        const context = canvas.getContext('2d', { willReadFrequently: true })!;
        context.drawImage(element, 0, 0);
        try {
          const { texts } = await decodeQr(context.getImageData(0, 0, canvas.width, canvas.height), 'camera');
          if (texts.length > 0 && !stopped) {
            stop();
            onFoundRef.current(texts);
            return;
          }
        } catch {
          // A frame that cannot be decoded is skipped; the next one is tried.
        }
      }
      if (!stopped) timer = setTimeout(() => void scanFrame(), SCAN_INTERVAL_MS);
    };
    navigator.mediaDevices
      .getUserMedia({
        video: { facingMode: 'environment', width: { ideal: 1280 }, height: { ideal: 720 } },
        audio: false,
      })
      .then(async (media) => {
        stream = media;
        if (stopped || !video.current) return stop();
        video.current.srcObject = media;
        await video.current.play();
        void scanFrame();
      })
      .catch((error: unknown) => {
        const name = error instanceof DOMException ? error.name : '';
        setProblem(
          name === 'NotFoundError' || name === 'OverconstrainedError'
            ? 'errors.scan.noCamera'
            : 'errors.scan.cameraDenied',
        );
      });
    return stop;
  }, []);

  return (
    <Stack>
      {problem ? (
        <Alert color="red" role="alert">
          {t(problem)}
        </Alert>
      ) : (
        <>
          <video
            ref={video}
            muted
            playsInline
            aria-label={t('scan.cameraPreview')}
            style={{ width: '100%', borderRadius: 8, background: '#000' }}
          />
          <Text size="sm" c="dimmed" role="status">
            {t('scan.cameraHint')}
          </Text>
        </>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('auth.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
