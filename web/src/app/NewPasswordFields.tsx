import { Form, Input } from 'antd';
import { confirmPasswordRules, newPasswordRules } from './forms.ts';
import { useT } from './i18n.tsx';

/** "New password" and "confirm" form items with the password policy (fields `newPassword`, `confirm`). */
export function NewPasswordFields() {
  const t = useT();
  return (
    <>
      <Form.Item
        name="newPassword"
        label={t('account.newPassword')}
        rules={newPasswordRules(t)}
        extra={t('validation.passwordHint')}
      >
        <Input.Password autoComplete="new-password" maxLength={128} />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('account.confirmPassword')}
        dependencies={['newPassword']}
        rules={confirmPasswordRules(t, 'newPassword')}
      >
        <Input.Password autoComplete="new-password" maxLength={128} />
      </Form.Item>
    </>
  );
}
