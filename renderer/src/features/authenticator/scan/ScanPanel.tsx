import { Alert, Button, Code, Group, Loader, Radio, Stack, Text } from '@mantine/core';
import { Dropzone, IMAGE_MIME_TYPE } from '@mantine/dropzone';
import { IconCamera, IconDeviceDesktop, IconPhoto } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { classifyQrPayload } from '../../../../../shared/otp/qr-payload';
import { describeError } from '../../../app/ErrorAlert';
import i18n from '../../../i18n';
import { useAddAccount } from '../queries';
import { CameraScanner } from './CameraScanner';
import { decodeQr, decodeScreens, DecodeError } from './decoder';
import { transport } from '../../../api/client';
import { describeOtpauth } from './describe';
import { MigrationImport } from './MigrationImport';
import { IMAGE_LIMITS } from './protocol';

type ScanState =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'error'; message: string }
  | { kind: 'noCode' }
  | { kind: 'other'; excerpts: string[] }
  | { kind: 'choose'; uris: string[] }
  | { kind: 'camera' };

function messageOf(error: unknown): string {
  if (error instanceof DecodeError) {
    return i18n.t(`errors.${error.failure.reason}`, 'params' in error.failure ? error.failure.params : {});
  }
  return describeError(error);
}

/** Add accounts from QR codes: an image file (picker or drag-and-drop), a pasted image, the screen. */
export function ScanPanel({ onDone }: { onDone(name: string): void }) {
  const { t } = useTranslation();
  const add = useAddAccount();
  const [state, setState] = useState<ScanState>({ kind: 'idle' });
  const [chosen, setChosen] = useState<string | null>(null);
  // Export codes of one Google Authenticator export, gathered across scans.
  const [migrationUris, setMigrationUris] = useState<string[]>([]);

  const { mutate: addAccount } = add;
  const addUri = useCallback(
    (uri: string) =>
      addAccount(
        { kind: 'uri', uri },
        {
          onSuccess: (account) => onDone(account.issuer || account.accountName),
          onError: (error) => setState({ kind: 'error', message: messageOf(error) }),
        },
      ),
    // add.mutate is stable across renders (TanStack Query); the mutation object is not.
    [addAccount, onDone],
  );

  const handleTexts = useCallback(
    (texts: string[]) => {
      const payloads = texts.map(classifyQrPayload);
      const migrations = payloads.flatMap((p) => (p.kind === 'migration' ? [p.text] : []));
      const otpauth = payloads.flatMap((p) => (p.kind === 'otpauth' ? [p.text] : []));
      if (migrations.length > 0) {
        setMigrationUris((known) => [...new Set([...known, ...migrations])]);
        setState({ kind: 'idle' });
      } else if (otpauth.length === 1) {
        addUri(otpauth[0]!);
      } else if (otpauth.length > 1) {
        setChosen(otpauth[0]!);
        setState({ kind: 'choose', uris: otpauth });
      } else if (payloads.length > 0) {
        setState({
          kind: 'other',
          excerpts: payloads.flatMap((p) => (p.kind === 'other' ? [p.excerpt] : [])),
        });
      } else {
        setState({ kind: 'noCode' });
      }
    },
    [addUri],
  );

  const scan = useCallback(
    async (inputs: Blob[] | 'screens') => {
      setState({ kind: 'busy' });
      try {
        const texts: string[] = [];
        if (inputs === 'screens') {
          const wanted = (text: string) => classifyQrPayload(text).kind !== 'other';
          texts.push(...(await decodeScreens(transport === 'electron', wanted)));
        }
        for (const input of inputs === 'screens' ? [] : inputs) texts.push(...(await decodeQr(input)).texts);
        handleTexts(texts);
      } catch (error) {
        const cancelled =
          error instanceof DOMException && (error.name === 'NotAllowedError' || error.name === 'AbortError');
        setState({ kind: 'error', message: cancelled ? t('errors.scan.screenDenied') : messageOf(error) });
      }
    },
    [handleTexts, t],
  );

  // An image pasted anywhere while this panel is open is scanned.
  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      const images = [...(event.clipboardData?.files ?? [])].filter((file) => file.type.startsWith('image/'));
      if (images.length === 0) return;
      event.preventDefault();
      void scan(images);
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, [scan]);

  const onCameraFound = useCallback((texts: string[]) => handleTexts(texts), [handleTexts]);
  const onCameraCancel = useCallback(() => setState({ kind: 'idle' }), []);
  if (state.kind === 'camera') return <CameraScanner onFound={onCameraFound} onCancel={onCameraCancel} />;

  if (migrationUris.length > 0) {
    return (
      <MigrationImport
        uris={migrationUris}
        onMoreImages={(files) => void scan(files)}
        busy={state.kind === 'busy'}
        onDone={(count) => onDone(t('migration.importedName', { count }))}
        onCancel={() => setMigrationUris([])}
      />
    );
  }

  return (
    <Stack>
      <Dropzone
        onDrop={(files) => void scan(files)}
        onReject={() => setState({ kind: 'error', message: t('errors.scan.notImage') })}
        accept={IMAGE_MIME_TYPE}
        maxSize={IMAGE_LIMITS.maxBytes}
        multiple
        loading={state.kind === 'busy'}
        aria-label={t('scan.drop')}
      >
        <Group justify="center" gap="md" mih={120} style={{ pointerEvents: 'none' }}>
          <IconPhoto size={40} stroke={1.5} aria-hidden />
          <Stack gap={4}>
            <Text size="md">{t('scan.drop')}</Text>
            <Text size="sm" c="dimmed">
              {t('scan.dropHint')}
            </Text>
          </Stack>
        </Group>
      </Dropzone>
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm" c="dimmed">
          {t('scan.screenHint')}
        </Text>
        <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
          <Button
            variant="light"
            leftSection={<IconCamera size={16} />}
            onClick={() => setState({ kind: 'camera' })}
          >
            {t('scan.camera')}
          </Button>
          <Button
            variant="light"
            leftSection={<IconDeviceDesktop size={16} />}
            onClick={() => void scan('screens')}
            disabled={state.kind === 'busy'}
            style={{ flexShrink: 0 }}
          >
            {t('scan.screen')}
          </Button>
        </Group>
      </Group>

      {state.kind === 'busy' && (
        <Group gap="xs" role="status">
          <Loader size="xs" />
          <Text size="sm">{t('scan.busy')}</Text>
        </Group>
      )}
      {state.kind === 'noCode' && (
        <Alert color="yellow" role="alert">
          {t('scan.noCode')}
        </Alert>
      )}
      {state.kind === 'error' && (
        <Alert color="red" role="alert">
          {state.message}
        </Alert>
      )}
      {state.kind === 'other' && (
        <Alert color="yellow" role="alert" title={t('scan.notAuthenticator')}>
          {/* Shown as text only: a scanned link is never opened. */}
          {state.excerpts.map((excerpt, i) => (
            <Code key={i} block mt={4}>
              {excerpt}
            </Code>
          ))}
        </Alert>
      )}
      {state.kind === 'choose' && (
        <Stack>
          <Radio.Group label={t('scan.choose')} value={chosen} onChange={setChosen}>
            <Stack gap="xs" mt="xs">
              {state.uris.map((uri) => (
                <Radio key={uri} value={uri} label={describeOtpauth(uri)} />
              ))}
            </Stack>
          </Radio.Group>
          <Group justify="flex-end">
            <Button onClick={() => chosen && addUri(chosen)} loading={add.isPending} disabled={!chosen}>
              {t('add.submit')}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
