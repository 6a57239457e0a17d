import {
  CameraOutlined,
  CloseOutlined,
  DownloadOutlined,
  PaperClipOutlined,
  PlusOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App as AntApp,
  Button,
  type ButtonProps,
  Card,
  DatePicker,
  Empty,
  Form,
  Image,
  Input,
  List,
  Modal,
  Space,
  Tag,
  Typography,
  Upload,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { downloadFile, errorMessage } from '../../app/api.ts';
import { chinaToday, usePickerFormats } from '../../app/format.ts';
import { applyServerErrors, clean } from '../../app/forms.ts';
import { useT } from '../../app/i18n.tsx';
import { usePhone } from '../../app/phone.tsx';
import { formatDate } from '../lists/shared.tsx';
import { attachmentPath, useLogVisit, useUploadVisitAttachment } from './api.ts';
import type { OrderView, OrderVisit, VisitAttachment } from './types.ts';

/**
 * What the server takes as a visit's attachment (attachments.ts decides, by name and content;
 * ≤ 10 MB: PDF, images, office documents, text). Checked here too, to say so before sending.
 */
const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
const ATTACHMENT_TYPES = '.pdf,.jpg,.jpeg,.png,.gif,.webp,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.txt,.csv';
const ATTACHMENTS_PER_VISIT = 10;
/** A phone's camera: photos only, the back camera (where the browser honours `capture`). */
const CAMERA = { accept: 'image/*', capture: 'environment' } as const;
const THUMB = 72;

function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const isPhoto = (contentType: string) => contentType.startsWith('image/');

/**
 * 服务记录: the visits logged for the order, their photos and files, and (for the expert serving
 * it) a new one. The order's page opens the form (`logging`): from the card's header on a wide
 * screen, from its action bar on a phone.
 */
export function VisitsCard({
  order,
  canLog,
  logging,
  onLogging,
}: {
  order: OrderView;
  canLog: boolean;
  logging: boolean;
  onLogging: (open: boolean) => void;
}) {
  const t = useT();
  const phone = usePhone();
  return (
    <Card
      title={t('orders.visits')}
      extra={
        canLog &&
        !phone && (
          <Button icon={<PlusOutlined />} onClick={() => onLogging(true)} data-testid="visit-add">
            {t('orders.visit.add')}
          </Button>
        )
      }
      data-testid="order-visits"
    >
      {order.visits.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('orders.visit.none')} />
      ) : (
        <List<OrderVisit>
          itemLayout="vertical"
          dataSource={order.visits}
          renderItem={(visit, index) => (
            <List.Item key={visit.id ?? index} data-testid="visit">
              <List.Item.Meta
                title={
                  <Space size={8} wrap>
                    <span>{formatDate(t, visit.visitedOn)}</span>
                    {visit.place && <Typography.Text type="secondary">{visit.place}</Typography.Text>}
                  </Space>
                }
                description={t('orders.visit.by', { name: visit.by })}
              />
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 8 }}>
                {visit.summary}
              </Typography.Paragraph>
              {visit.people && (
                <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                  {t('orders.visit.peopleLine', { people: visit.people })}
                </Typography.Paragraph>
              )}
              <Attachments order={order} visit={visit} canUpload={canLog} />
            </List.Item>
          )}
        />
      )}
      {logging && <VisitModal order={order} onClose={() => onLogging(false)} />}
    </Card>
  );
}

/** A visit's photos as thumbnails (a tap shows them whole), every file as a download, and more to add. */
function Attachments({
  order,
  visit,
  canUpload,
}: {
  order: OrderView;
  visit: OrderVisit;
  canUpload: boolean;
}) {
  const t = useT();
  const phone = usePhone();
  const { message } = AntApp.useApp();
  const upload = useUploadVisitAttachment();
  const files = visit.attachments ?? [];
  const photos = files.filter((file) => isPhoto(file.contentType));
  const visitId = visit.id;
  const room = canUpload && visitId !== undefined && files.length < ATTACHMENTS_PER_VISIT;

  const download = (file: VisitAttachment) =>
    downloadFile(attachmentPath(order.id, file.id), undefined, file.name).catch((error: unknown) => {
      void message.error(errorMessage(error));
    });

  const send = (file: File) => {
    if (!visitId) return;
    if (file.size > MAX_ATTACHMENT_BYTES) {
      void message.error(t('orders.attachment.tooLarge', { name: file.name }));
      return;
    }
    upload.mutate(
      { id: order.id, visitId, file },
      {
        onSuccess: () => void message.success(t('orders.attachment.uploaded', { name: file.name })),
        onError: (error) => void message.error(errorMessage(error)),
      },
    );
  };
  const picker = (props: { accept: string; capture?: 'environment' }) => ({
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
                src={attachmentPath(order.id, file.id)}
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
        {files.length === 0 && (
          <Typography.Text type="secondary">{t('orders.attachment.none')}</Typography.Text>
        )}
        {room && (
          <Upload {...picker({ accept: ATTACHMENT_TYPES })}>
            <Button
              size="small"
              icon={<UploadOutlined />}
              loading={upload.isPending}
              data-testid="visit-upload"
            >
              {t('orders.attachment.upload')}
            </Button>
          </Upload>
        )}
        {room && phone && (
          <Upload {...picker(CAMERA)}>
            <Button size="small" icon={<CameraOutlined />} data-testid="visit-camera">
              {t('orders.attachment.camera')}
            </Button>
          </Upload>
        )}
      </Space>
    </Space>
  );
}

interface VisitValues {
  visitedOn?: Dayjs;
  place?: string;
  people?: string;
  summary?: string;
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
 * 登记服务记录: when and where, who took part, what was done, and photos (from the camera on a
 * phone) or files, attached to the new visit once it is saved (the attachments route).
 */
function VisitModal({ order, onClose }: { order: OrderView; onClose: () => void }) {
  const t = useT();
  const phone = usePhone();
  const formats = usePickerFormats();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<VisitValues>();
  const logVisit = useLogVisit();
  const upload = useUploadVisitAttachment();
  // The files chosen so far, each with a key of its own (the same photo may be chosen twice).
  const [files, setFiles] = useState<{ key: number; file: File }[]>([]);
  const nextKey = useRef(0);
  const [busy, setBusy] = useState(false);
  const okButton: ButtonProps & { 'data-testid': string } = {
    loading: busy,
    'data-testid': 'visit-save',
  };

  /** Called for each file of a choice (`batch`: all of them); nothing is sent before the visit is saved. */
  const add = (file: File, batch: File[]) => {
    // Said once per choice; the files beyond the limit are left out.
    if (batch[0] === file && files.length + batch.length > ATTACHMENTS_PER_VISIT) {
      void message.error(t('orders.attachment.tooMany', { max: ATTACHMENTS_PER_VISIT }));
    }
    if (file.size > MAX_ATTACHMENT_BYTES) {
      void message.error(t('orders.attachment.tooLarge', { name: file.name }));
      return false;
    }
    nextKey.current += 1;
    const key = nextKey.current;
    setFiles((now) => (now.length < ATTACHMENTS_PER_VISIT ? [...now, { key, file }] : now));
    return false;
  };
  const picker = (props: { accept: string; capture?: 'environment' }) => ({
    ...props,
    multiple: true,
    showUploadList: false,
    disabled: files.length >= ATTACHMENTS_PER_VISIT,
    beforeUpload: add,
  });

  // One at a time: a phone on a weak network sends one photo well rather than ten badly. A file
  // refused (its type, its size) is told; the visit stays saved, and files can be added to it later.
  const attach = async (visitId: string) => {
    for (const { file } of files) {
      try {
        await upload.mutateAsync({ id: order.id, visitId, file });
      } catch (error) {
        void message.error(t('orders.attachment.failed', { name: file.name, message: errorMessage(error) }));
      }
    }
  };

  const submit = async (values: VisitValues) => {
    const place = clean(values.place);
    const people = clean(values.people);
    const day = values.visitedOn?.format('YYYY-MM-DD');
    const before = new Set(order.visits.map((visit) => visit.id));
    setBusy(true);
    try {
      const saved = await logVisit.mutateAsync({
        id: order.id,
        body: {
          // Today is left to the server, whose clock decides what today is (a phone's may be off).
          ...(day && day !== chinaToday() ? { visitedOn: day } : {}),
          summary: clean(values.summary) ?? '',
          ...(place ? { place } : {}),
          ...(people ? { people } : {}),
        },
      });
      const visit = saved.visits.find((v) => !before.has(v.id));
      if (visit) await attach(visit.id);
      void message.success(t('orders.visit.saved'));
      onClose();
    } catch (error) {
      applyServerErrors(form, error);
    } finally {
      setBusy(false);
    }
  };

  const tooLong = (label: string, max: number) => ({
    max,
    message: t('validation.tooLong', { label, max }),
  });
  return (
    <Modal
      open
      width={640}
      title={t('orders.visit.add')}
      okText={t('common.save')}
      okButtonProps={okButton}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
    >
      <Form<VisitValues>
        form={form}
        layout="vertical"
        initialValues={{ visitedOn: dayjs(chinaToday()) }}
        onFinish={(values) => void submit(values)}
        preserve={false}
      >
        <Form.Item
          name="visitedOn"
          label={t('orders.visit.date')}
          rules={[{ required: true, message: t('orders.validation.visitDate') }]}
        >
          <DatePicker
            style={{ width: phone ? '100%' : 200 }}
            format={formats.date}
            // Not after today in China (the server refuses it too).
            disabledDate={(day) => day.format('YYYY-MM-DD') > chinaToday()}
            inputReadOnly={phone}
            data-testid="visit-date"
          />
        </Form.Item>
        <Form.Item
          name="place"
          label={t('orders.visit.place')}
          rules={[tooLong(t('orders.visit.place'), 200)]}
        >
          <Input maxLength={200} placeholder={t('orders.visit.placePlaceholder')} data-testid="visit-place" />
        </Form.Item>
        <Form.Item
          name="people"
          label={t('orders.visit.people')}
          rules={[tooLong(t('orders.visit.people'), 500)]}
        >
          <Input
            maxLength={500}
            placeholder={t('orders.visit.peoplePlaceholder')}
            data-testid="visit-people"
          />
        </Form.Item>
        <Form.Item
          name="summary"
          label={t('orders.visit.summary')}
          rules={[
            { required: true, whitespace: true, message: t('orders.validation.visitSummary') },
            tooLong(t('orders.visit.summary'), 4000),
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 4, maxRows: 10 }}
            maxLength={4000}
            showCount
            placeholder={t('orders.visit.summaryPlaceholder')}
            data-testid="visit-summary"
          />
        </Form.Item>
        <Form.Item label={t('orders.visit.files')} extra={t('orders.visit.filesHint')}>
          <Space direction="vertical" size={8} style={{ width: '100%' }}>
            <Space size={8} wrap style={phone ? { display: 'flex' } : undefined}>
              {phone && (
                <Upload {...picker(CAMERA)}>
                  <Button icon={<CameraOutlined />} data-testid="visit-form-camera">
                    {t('orders.attachment.camera')}
                  </Button>
                </Upload>
              )}
              <Upload {...picker({ accept: ATTACHMENT_TYPES })}>
                <Button icon={<UploadOutlined />} data-testid="visit-form-files">
                  {t('orders.attachment.choose')}
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
                      aria-label={t('orders.attachment.remove', { name: file.name })}
                      onClick={() => setFiles((now) => now.filter((pending) => pending.key !== key))}
                    />
                  </Space>
                ))}
              </Space>
            )}
          </Space>
        </Form.Item>
        {logVisit.isError && (
          <Alert type="error" showIcon message={errorMessage(logVisit.error)} data-testid="visit-error" />
        )}
      </Form>
    </Modal>
  );
}
