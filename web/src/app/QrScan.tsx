import { CameraOutlined, PictureOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Space, Typography, Upload } from 'antd';
import jsQR from 'jsqr';
import { useEffect, useRef, useState } from 'react';
import { useT } from './i18n.tsx';

/** Longest side a picture is scaled to before decoding (a phone photo is 4000 px; codes stay readable). */
const MAX_SIDE = 1600;
/** How often the camera's picture is read. */
const FRAME_MS = 250;
/** The same code seen again within this long is the same person still in front of the camera. */
const SAME_CODE_MS = 3000;

/** The text of the QR code in a picture's pixels, or null when there is none. */
export function decodeQr(image: ImageData): string | null {
  return jsQR(image.data, image.width, image.height, { inversionAttempts: 'attemptBoth' })?.data ?? null;
}

/** A canvas drawing of a picture or a video frame, scaled down to MAX_SIDE, and its pixels. */
function pixels(source: CanvasImageSource, width: number, height: number, canvas: HTMLCanvasElement) {
  const scale = Math.min(1, MAX_SIDE / Math.max(width, height));
  canvas.width = Math.max(1, Math.round(width * scale));
  canvas.height = Math.max(1, Math.round(height * scale));
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return null;
  context.drawImage(source, 0, 0, canvas.width, canvas.height);
  return context.getImageData(0, 0, canvas.width, canvas.height);
}

/** The QR code in a picture file (a photo of a phone's screen, a screenshot), or null. */
export async function decodeQrFile(file: Blob): Promise<string | null> {
  const bitmap = await createImageBitmap(file);
  try {
    const image = pixels(bitmap, bitmap.width, bitmap.height, document.createElement('canvas'));
    return image ? decodeQr(image) : null;
  } finally {
    bitmap.close();
  }
}

interface QrScanProps {
  /** A code was read (from the camera, possibly many in a row, or from a picture). */
  onCode: (text: string) => void;
  /** A picture held no readable code. */
  onNotFound: () => void;
  disabled?: boolean;
  /** Prefix of the buttons' test ids: `${testId}-camera`, `${testId}-image`. */
  testId: string;
}

/**
 * 摄像头扫码 and 识别图片: QR codes read in the browser, for desks without a
 * handheld scanner. The camera keeps reading until closed, so a queue of
 * people can be scanned one after another; the same code in front of it is
 * reported once.
 */
export function QrScanButtons({ onCode, onNotFound, disabled, testId }: QrScanProps) {
  const t = useT();
  const [camera, setCamera] = useState(false);
  const [reading, setReading] = useState(false);
  return (
    <Space wrap>
      <Button
        icon={<CameraOutlined />}
        disabled={disabled}
        onClick={() => setCamera(true)}
        data-testid={`${testId}-camera`}
      >
        {t('qr.camera')}
      </Button>
      <span data-testid={`${testId}-image`}>
        <Upload
          accept="image/*"
          showUploadList={false}
          disabled={disabled}
          beforeUpload={(file) => {
            setReading(true);
            decodeQrFile(file)
              .then((text) => (text ? onCode(text) : onNotFound()))
              .catch(onNotFound)
              .finally(() => setReading(false));
            return false;
          }}
        >
          <Button icon={<PictureOutlined />} disabled={disabled} loading={reading}>
            {t('qr.image')}
          </Button>
        </Upload>
      </span>
      {camera && <CameraScanner onCode={onCode} onClose={() => setCamera(false)} />}
    </Space>
  );
}

function CameraScanner({ onCode, onClose }: { onCode: (text: string) => void; onClose: () => void }) {
  const t = useT();
  const video = useRef<HTMLVideoElement>(null);
  const [failed, setFailed] = useState(false);
  // The latest handler without restarting the camera when the page re-renders.
  const report = useRef(onCode);
  report.current = onCode;

  useEffect(() => {
    let stream: MediaStream | undefined;
    let timer: number | undefined;
    let stopped = false;
    const canvas = document.createElement('canvas');
    const last = { text: '', at: 0 };
    const read = () => {
      const v = video.current;
      if (!v || v.readyState < 2 || v.videoWidth === 0) return;
      const image = pixels(v, v.videoWidth, v.videoHeight, canvas);
      const text = image ? decodeQr(image) : null;
      if (!text) return;
      const now = Date.now();
      if (text === last.text && now - last.at < SAME_CODE_MS) {
        last.at = now;
        return;
      }
      last.text = text;
      last.at = now;
      report.current(text);
    };
    (async () => {
      try {
        if (!navigator.mediaDevices?.getUserMedia) throw new Error('no camera API');
        stream = await navigator.mediaDevices.getUserMedia({
          video: { facingMode: 'environment' },
          audio: false,
        });
        if (stopped || !video.current) return;
        video.current.srcObject = stream;
        await video.current.play();
        timer = window.setInterval(read, FRAME_MS);
      } catch {
        if (!stopped) setFailed(true);
      }
    })();
    return () => {
      stopped = true;
      if (timer !== undefined) window.clearInterval(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, []);

  return (
    <Modal open title={t('qr.cameraTitle')} onCancel={onClose} footer={null} destroyOnHidden width={560}>
      {failed ? (
        <Alert type="error" showIcon message={t('qr.cameraUnavailable')} data-testid="qr-camera-error" />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <video
            ref={video}
            muted
            playsInline
            style={{ width: '100%', borderRadius: 8, background: '#000' }}
            data-testid="qr-camera-video"
          />
          <Typography.Text type="secondary">{t('qr.cameraHint')}</Typography.Text>
        </Space>
      )}
    </Modal>
  );
}
