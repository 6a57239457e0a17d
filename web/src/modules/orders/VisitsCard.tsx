import { PlusOutlined } from '@ant-design/icons';
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
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { errorMessage } from '../../app/api.ts';
import { chinaToday, usePickerFormats } from '../../app/format.ts';
import { applyServerErrors, clean } from '../../app/forms.ts';
import { useT } from '../../app/i18n.tsx';
import { usePhone } from '../../app/phone.tsx';
import { usePendingFiles, VisitFiles } from '../../app/visitFiles.tsx';
import { formatDate } from '../lists/shared.tsx';
import { attachmentPath, useLogVisit, useUploadVisitAttachment } from './api.ts';
import type { OrderView, OrderVisit } from './types.ts';

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

/** A visit's photos and files, and (for the expert serving the order) more to add. */
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
  const visitId = visit.id;
  const send = (file: File) => {
    if (!visitId) return;
    upload.mutate(
      { id: order.id, visitId, file },
      {
        onSuccess: () => void message.success(t('files.uploaded', { name: file.name })),
        onError: (error) => void message.error(errorMessage(error)),
      },
    );
  };
  return (
    <VisitFiles
      files={visit.attachments ?? []}
      urlOf={(file) => attachmentPath(order.id, file.id)}
      onUpload={canUpload && visitId !== undefined ? send : undefined}
      uploading={upload.isPending}
    />
  );
}

interface VisitValues {
  visitedOn?: Dayjs;
  place?: string;
  people?: string;
  summary?: string;
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
  const pending = usePendingFiles();
  const [busy, setBusy] = useState(false);
  const okButton: ButtonProps & { 'data-testid': string } = {
    loading: busy,
    'data-testid': 'visit-save',
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
      const visitId = visit?.id;
      if (visitId) await pending.sendAll((file) => upload.mutateAsync({ id: order.id, visitId, file }));
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
          {pending.field}
        </Form.Item>
        {logVisit.isError && (
          <Alert type="error" showIcon message={errorMessage(logVisit.error)} data-testid="visit-error" />
        )}
      </Form>
    </Modal>
  );
}
