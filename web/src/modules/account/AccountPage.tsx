import { Alert, App as AntApp, Button, Card, Col, Descriptions, Form, Input, Row } from 'antd';
import { errorMessage } from '../../app/api.ts';
import { applyServerErrors } from '../../app/forms.ts';
import { useI18n } from '../../app/i18n.tsx';
import { NewPasswordFields } from '../../app/NewPasswordFields.tsx';
import { useChangePassword, useCurrentUser } from '../../app/session.ts';
import { useDocumentTitle } from '../../app/title.ts';

export function AccountPage() {
  useDocumentTitle('menu.account');
  return (
    <Row gutter={[24, 24]}>
      <Col xs={24} xl={12}>
        <ProfileCard />
      </Col>
      <Col xs={24} xl={12}>
        <ChangePasswordCard />
      </Col>
    </Row>
  );
}

function ProfileCard() {
  const { t, pick } = useI18n();
  const me = useCurrentUser();
  return (
    <Card title={t('account.profile')}>
      <Descriptions column={1} bordered size="middle">
        <Descriptions.Item label={t('field.username')}>{me.username}</Descriptions.Item>
        <Descriptions.Item label={t('field.displayName')}>{me.displayName}</Descriptions.Item>
        <Descriptions.Item label={t('field.role')}>{pick(me.roleName)}</Descriptions.Item>
        <Descriptions.Item label={t('field.region')}>{me.regionName}</Descriptions.Item>
        <Descriptions.Item label={t('field.organisation')}>
          {me.organisationName ?? t('common.none')}
        </Descriptions.Item>
        <Descriptions.Item label={t('field.mobile')}>{me.mobile ?? t('common.none')}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

function ChangePasswordCard() {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<PasswordForm>();
  const change = useChangePassword();

  const onFinish = (values: PasswordForm) => {
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          form.resetFields();
          void message.success(t('account.passwordChanged'));
        },
        onError: (error) => applyServerErrors(form, error),
      },
    );
  };

  return (
    <Card title={t('account.changePassword')}>
      {change.isError && (
        <Alert type="error" showIcon message={errorMessage(change.error)} style={{ marginBottom: 16 }} />
      )}
      <Form<PasswordForm>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        onValuesChange={() => change.isError && change.reset()}
        style={{ maxWidth: 420 }}
      >
        <Form.Item
          name="currentPassword"
          label={t('account.currentPassword')}
          rules={[{ required: true, message: t('validation.currentPasswordRequired') }]}
        >
          <Input.Password autoComplete="current-password" maxLength={128} />
        </Form.Item>
        <NewPasswordFields />
        <Form.Item style={{ marginBottom: 0 }}>
          <Button type="primary" htmlType="submit" loading={change.isPending}>
            {t('account.submitPassword')}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
