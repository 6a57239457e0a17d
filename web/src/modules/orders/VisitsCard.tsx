import { DownloadOutlined, PaperClipOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App as AntApp,
  Button,
  type ButtonProps,
  Card,
  DatePicker,
  Empty,
  Form,
  Input,
  List,
  Modal,
  Space,
  Typography,
  Upload,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { downloadFile, errorMessage } from '../../app/api.ts';
import { chinaToday, usePickerFormats } from '../../app/format.ts';
import { applyServerErrors, clean } from '../../app/forms.ts';
import { useT } from '../../app/i18n.tsx';
import { formatDate } from '../lists/shared.tsx';
import { attachmentPath, useLogVisit, useUploadVisitAttachment } from './api.ts';
import type { OrderView, OrderVisit, VisitAttachment } from './types.ts';

/** What the server takes as a visit's attachment (≤ 10 MB: PDF, images, office documents, text). */
const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
const ATTACHMENT_TYPES = '.pdf,.jpg,.jpeg,.png,.gif,.webp,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.txt,.csv';
const ATTACHMENTS_PER_VISIT = 10;

function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** 服务记录: the visits logged for the order, their files, and (for the expert serving it) a new one. */
export function VisitsCard({ order, canLog }: { order: OrderView; canLog: boolean }) {
  const t = useT();
  const [logging, setLogging] = useState(false);
  return (
    <Card
      title={t('orders.visits')}
      extra={
        canLog && (
          <Button icon={<PlusOutlined />} onClick={() => setLogging(true)} data-testid="visit-add">
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
      {logging && <VisitModal order={order} onClose={() => setLogging(false)} />}
    </Card>
  );
}

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
  const { message } = AntApp.useApp();
  const upload = useUploadVisitAttachment();
  const files = visit.attachments ?? [];
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

  if (files.length === 0 && !room) return null;
  return (
    <Space size={[8, 4]} wrap data-testid="visit-attachments">
      <PaperClipOutlined />
      {files.map((file) => (
        <Button
          key={file.id}
          type="link"
          size="small"
          icon={<DownloadOutlined />}
          onClick={() => void download(file)}
          data-testid="visit-attachment"
        >
          {file.name}（{fileSize(file.size)}）
        </Button>
      ))}
      {files.length === 0 && (
        <Typography.Text type="secondary">{t('orders.attachment.none')}</Typography.Text>
      )}
      {room && (
        <Upload
          accept={ATTACHMENT_TYPES}
          showUploadList={false}
          beforeUpload={(file) => {
            send(file);
            return false;
          }}
        >
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
    </Space>
  );
}

interface VisitValues {
  visitedOn?: Dayjs;
  place?: string;
  people?: string;
  summary?: string;
}

/** 登记服务记录: when and where, who took part, what was done. */
function VisitModal({ order, onClose }: { order: OrderView; onClose: () => void }) {
  const t = useT();
  const formats = usePickerFormats();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<VisitValues>();
  const logVisit = useLogVisit();
  const okButton: ButtonProps & { 'data-testid': string } = {
    loading: logVisit.isPending,
    'data-testid': 'visit-save',
  };

  const submit = (values: VisitValues) => {
    const place = clean(values.place);
    const people = clean(values.people);
    logVisit.mutate(
      {
        id: order.id,
        body: {
          visitedOn: values.visitedOn ? values.visitedOn.format('YYYY-MM-DD') : chinaToday(),
          summary: clean(values.summary) ?? '',
          ...(place ? { place } : {}),
          ...(people ? { people } : {}),
        },
      },
      {
        onSuccess: () => {
          void message.success(t('orders.visit.saved'));
          onClose();
        },
        onError: (error) => {
          applyServerErrors(form, error);
        },
      },
    );
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
        onFinish={submit}
        preserve={false}
      >
        <Form.Item
          name="visitedOn"
          label={t('orders.visit.date')}
          rules={[{ required: true, message: t('orders.validation.visitDate') }]}
        >
          <DatePicker
            style={{ width: 200 }}
            format={formats.date}
            disabledDate={(day) => day.format('YYYY-MM-DD') > chinaToday()}
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
        {logVisit.isError && (
          <Alert type="error" showIcon message={errorMessage(logVisit.error)} data-testid="visit-error" />
        )}
      </Form>
    </Modal>
  );
}
