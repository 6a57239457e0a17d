import { type ButtonProps, Form, Input, Modal } from 'antd';
import { useT } from '../../app/i18n.tsx';

const REASON_MAX = 500;

/** 不通过, 取消, 谢绝: an optional reason the other side is told. */
export function ReasonModal({
  title,
  okText,
  loading,
  onCancel,
  onSubmit,
  hint,
}: {
  title: string;
  okText: string;
  loading: boolean;
  onCancel: () => void;
  onSubmit: (reason: string | undefined) => void;
  hint?: string;
}) {
  const t = useT();
  const [form] = Form.useForm<{ reason?: string }>();
  const ok: ButtonProps & { 'data-testid': string } = {
    loading,
    danger: true,
    'data-testid': 'reason-submit',
  };
  return (
    <Modal
      open
      title={title}
      okText={okText}
      okButtonProps={ok}
      cancelText={t('orders.back')}
      onOk={() => form.submit()}
      onCancel={onCancel}
      maskClosable={false}
      destroyOnHidden
    >
      <Form<{ reason?: string }>
        form={form}
        layout="vertical"
        onFinish={(values) => onSubmit(values.reason?.trim() || undefined)}
        preserve={false}
      >
        <Form.Item
          name="reason"
          label={t('activities.reason')}
          extra={hint ?? t('activities.reasonHint')}
          rules={[
            {
              max: REASON_MAX,
              message: t('registry.validation.tooLong', { label: t('activities.reason'), max: REASON_MAX }),
            },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={REASON_MAX} showCount autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
