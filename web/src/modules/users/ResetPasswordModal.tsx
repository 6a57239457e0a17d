import { Alert, App as AntApp, Form, Modal, Typography } from 'antd';
import { errorMessage } from '../../app/api.ts';
import { applyServerErrors } from '../../app/forms.ts';
import { useT } from '../../app/i18n.tsx';
import { NewPasswordFields } from '../../app/NewPasswordFields.tsx';
import { type User, useResetUserPassword } from './api.ts';

interface ResetValues {
  newPassword: string;
  confirm: string;
}

/** Sets a new password for another account. */
export function ResetPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const t = useT();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<ResetValues>();
  const reset = useResetUserPassword();

  const onFinish = (values: ResetValues) => {
    reset.mutate(
      { id: user.id, newPassword: values.newPassword },
      {
        onSuccess: () => {
          void message.success(t('users.passwordReset', { name: user.displayName }));
          onClose();
        },
        onError: (error) => applyServerErrors(form, error),
      },
    );
  };

  return (
    <Modal
      open
      title={t('users.resetPasswordTitle', { name: user.displayName })}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={reset.isPending}
      maskClosable={false}
    >
      <Typography.Paragraph type="secondary">
        {t('users.resetPasswordIntro', { username: user.username })}
      </Typography.Paragraph>
      {reset.isError && (
        <Alert type="error" showIcon message={errorMessage(reset.error)} style={{ marginBottom: 16 }} />
      )}
      <Form<ResetValues> form={form} layout="vertical" onFinish={onFinish}>
        <NewPasswordFields />
      </Form>
    </Modal>
  );
}
