import {
  CameraOutlined,
  CloseOutlined,
  DownloadOutlined,
  PaperClipOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { App as AntApp, Button, Image, Space, Tag, Typography, Upload } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { downloadFile, errorMessage } from './api.ts';
import { useT } from './i18n.tsx';
import { usePhone } from './phone.tsx';

/*
 * The photos and files of a visit log, wherever one is kept (an order's service visits, a team's
 * planned visits): chosen before the visit is saved (from the camera on a phone), sent one by one
 * once it is, shown as thumbnails and downloads, and more added later.
 */

/**
 * What the server takes as a visit's file (orders/attachments.ts decides, by name and content;
 * ≤ 10 MB: PDF, images, office documents, text). Checked here too, to say so before sending.
 */
export const MAX_VISIT_FILE_BYTES = 10 * 1024 * 1024;
const FILE_TYPES = '.pdf,.jpg,.jpeg,.png,.gif,.webp,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.txt,.csv';
export const FILES_PER_VISIT = 10;
/** A phone's camera: photos only, the back camera (where the browser honours `capture`). */
const CAMERA = { accept: 'image/*', capture: 'environment' } as const;
const THUMB = 72;

/** A stored file of a visit, as the server lists it. */
export interface VisitFile {
  id: string;
  name: string;
  contentType: string;
  size: number;
}

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const isPhoto = (contentType: string) => contentType.startsWith('image/');

type PickerProps = { accept: string; capture?: 'environment' };

/**
 * A visit's photos as thumbnails (a tap shows them whole), every file as a download, and (when
 * `onUpload`) buttons to add one, the camera too on a phone. `onUpload` sends one file and tells.
 */
export function VisitFiles({
  files,
  urlOf,
  onUpload,
  uploading = false,
}: {
  files: readonly VisitFile[];
  /** Where a file is read (the thumbnail's source, the download). */
  urlOf: (file: VisitFile) => string;
  onUpload?: (file: File) => void;
  uploading?: boolean;
}) {
  const t = useT();
  const phone = usePhone();
  const { message } = AntApp.useApp();
  const photos = files.filter((file) => isPhoto(file.contentType));
  const room = onUpload !== undefined && files.length < FILES_PER_VISIT;

  const download = (file: VisitFile) =>
    downloadFile(urlOf(file), undefined, file.name).catch((error: unknown) => {
      void message.error(errorMessage(error));
    });
  const send = (file: File) => {
    if (file.size > MAX_VISIT_FILE_BYTES) {
      void message.error(t('files.tooLarge', { name: file.name }));
      return;
    }
    onUpload?.(file);
  };
  const picker = (props: PickerProps) => ({
    ...props,
    showUploadList: false,
    beforeUpload: (file: File) => {
      send(file);
      return false;
    },
  });

  if (files.length === 0 && !room) return null;
  return (
    <Space direction="vertical" size={8} style={{ width: '100%' }}>
      {photos.length > 0 && (
        <Image.PreviewGroup>
          <Space size={8} wrap data-testid="visit-photos">
            {photos.map((file) => (
              <Image
                key={file.id}
                width={THUMB}
                height={THUMB}
                src={urlOf(file)}
                alt={file.name}
                style={{ objectFit: 'cover', borderRadius: 4 }}
              />
            ))}
          </Space>
        </Image.PreviewGroup>
      )}
      <Space size={[8, 4]} wrap data-testid="visit-attachments">
        <PaperClipOutlined />
        {files.map((file) => (
          <Button
            key={file.id}
            type="link"
            size="small"
            icon={<DownloadOutlined />}
            onClick={() => void download(file)}
            style={{ maxWidth: '100%', whiteSpace: 'normal', textAlign: 'start', height: 'auto' }}
            data-testid="visit-attachment"
          >
            {file.name}（{fileSize(file.size)}）
          </Button>
        ))}
        {files.length === 0 && <Typography.Text type="secondary">{t('files.none')}</Typography.Text>}
        {room && (
          <Upload {...picker({ accept: FILE_TYPES })}>
            <Button size="small" icon={<UploadOutlined />} loading={uploading} data-testid="visit-upload">
              {t('files.upload')}
            </Button>
          </Upload>
        )}
        {room && phone && (
          <Upload {...picker(CAMERA)}>
            <Button size="small" icon={<CameraOutlined />} data-testid="visit-camera">
              {t('files.camera')}
            </Button>
          </Upload>
        )}
      </Space>
    </Space>
  );
}

/** A picture chosen for the visit, shown from the phone's memory before it is sent. */
function PendingThumb({ file }: { file: File }) {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    const made = URL.createObjectURL(file);
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [file]);
  return url ? (
    <img
      src={url}
      alt={file.name}
      width={THUMB}
      height={THUMB}
      style={{ objectFit: 'cover', borderRadius: 4, display: 'block' }}
    />
  ) : null;
}

/**
 * The files chosen in a visit form before the visit exists: `field` is what the form shows (拍照
 * on a phone, 选择文件, the choice with thumbnails), `sendAll` sends them once the visit is saved.
 */
export function usePendingFiles() {
  const t = useT();
  const { message } = AntApp.useApp();
  // The files chosen so far, each with a key of its own (the same photo may be chosen twice).
  const [files, setFiles] = useState<{ key: number; file: File }[]>([]);
  const nextKey = useRef(0);

  /** Called for each file of a choice (`batch`: all of them); nothing is sent before the visit is saved. */
  const add = (file: File, batch: File[]) => {
    // Said once per choice; the files beyond the limit are left out.
    if (batch[0] === file && files.length + batch.length > FILES_PER_VISIT) {
      void message.error(t('files.tooMany', { max: FILES_PER_VISIT }));
    }
    if (file.size > MAX_VISIT_FILE_BYTES) {
      void message.error(t('files.tooLarge', { name: file.name }));
      return false;
    }
    nextKey.current += 1;
    const key = nextKey.current;
    setFiles((now) => (now.length < FILES_PER_VISIT ? [...now, { key, file }] : now));
    return false;
  };

  /**
   * One at a time: a phone on a weak network sends one photo well rather than ten badly. A file
   * refused (its type, its size) is told; the visit stays saved, and files can be added to it later.
   */
  const sendAll = async (send: (file: File) => Promise<unknown>) => {
    for (const { file } of files) {
      try {
        await send(file);
      } catch (error) {
        void message.error(t('files.failed', { name: file.name, message: errorMessage(error) }));
      }
    }
  };

  const field = (
    <PendingFilesField
      files={files}
      add={add}
      remove={(key) => setFiles((now) => now.filter((pending) => pending.key !== key))}
    />
  );
  return { field, sendAll, count: files.length };
}

function PendingFilesField({
  files,
  add,
  remove,
}: {
  files: { key: number; file: File }[];
  add: (file: File, batch: File[]) => boolean;
  remove: (key: number) => void;
}) {
  const t = useT();
  const phone = usePhone();
  const picker = (props: PickerProps) => ({
    ...props,
    multiple: true,
    showUploadList: false,
    disabled: files.length >= FILES_PER_VISIT,
    beforeUpload: add,
  });
  return (
    <Space direction="vertical" size={8} style={{ width: '100%' }}>
      <Space size={8} wrap style={phone ? { display: 'flex' } : undefined}>
        {phone && (
          <Upload {...picker(CAMERA)}>
            <Button icon={<CameraOutlined />} data-testid="visit-form-camera">
              {t('files.camera')}
            </Button>
          </Upload>
        )}
        <Upload {...picker({ accept: FILE_TYPES })}>
          <Button icon={<UploadOutlined />} data-testid="visit-form-files">
            {t('files.choose')}
          </Button>
        </Upload>
      </Space>
      {files.length > 0 && (
        <Space size={8} wrap data-testid="visit-form-pending">
          {files.map(({ key, file }) => (
            <Space key={key} size={4} align="center" data-testid="visit-form-file">
              {file.type.startsWith('image/') ? (
                <PendingThumb file={file} />
              ) : (
                <Tag style={{ marginInlineEnd: 0, whiteSpace: 'normal' }}>
                  {file.name}（{fileSize(file.size)}）
                </Tag>
              )}
              <Button
                type="text"
                icon={<CloseOutlined />}
                aria-label={t('files.remove', { name: file.name })}
                onClick={() => remove(key)}
              />
            </Space>
          ))}
        </Space>
      )}
    </Space>
  );
}
