import { type ButtonProps, Form, Input, Modal } from 'antd';
import { useT } from './i18n.tsx';

/** What the servers take by default (an activity's cancellation takes 1,000). */
const REASON_MAX = 500;

interface ReasonModalProps {
  title: string;
  okText: string;
  /** The reason field's label and the hint beneath it (who is told). */
  label: string;
  hint: string;
  /** When set, a reason must be given and this says so; otherwise it may be left empty. */
  requiredMessage?: string;
  /** The dismiss button's text (返回 by default). */
  cancelText?: string;
  loading: boolean;
  onCancel: () => void;
  /** The trimmed reason, or undefined when an optional one was left empty. */
  onSubmit: (reason: string | undefined) => void;
  submitTestId: string;
  inputTestId?: string;
  maxLength?: number;
}

/** 退回, 取消, 不通过, 谢绝 …: a confirmation that asks for a reason the other side is told. */
export function ReasonModal({
  title,
  okText,
  label,
  hint,
  requiredMessage,
  cancelText,
  loading,
  onCancel,
  onSubmit,
  submitTestId,
  inputTestId,
  maxLength = REASON_MAX,
}: ReasonModalProps) {
  const t = useT();
  const [form] = Form.useForm<{ reason?: string }>();
  const ok: ButtonProps & { 'data-testid': string } = { loading, danger: true, 'data-testid': submitTestId };
  return (
    <Modal
      open
      title={title}
      okText={okText}
      okButtonProps={ok}
      cancelText={cancelText ?? t('orders.back')}
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
          label={label}
          extra={hint}
          rules={[
            ...(requiredMessage ? [{ required: true, whitespace: true, message: requiredMessage }] : []),
            { max: maxLength, message: t('validation.tooLong', { label, max: maxLength }) },
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: requiredMessage ? 3 : 2, maxRows: requiredMessage ? 8 : 6 }}
            maxLength={maxLength}
            showCount
            autoFocus
            data-testid={inputTestId}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
