import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography, theme } from 'antd';
import { Navigate, useLocation } from 'react-router';
import { errorMessage } from '../../app/api.ts';
import { applyServerErrors } from '../../app/forms.ts';
import { useT } from '../../app/i18n.tsx';
import { LanguageSwitch } from '../../app/LanguageSwitch.tsx';
import { PageLoading } from '../../app/PageState.tsx';
import { type LoginRequest, useLogin, useMe } from '../../app/session.ts';
import { useDocumentTitle } from '../../app/title.ts';

interface FromState {
  from?: { pathname?: unknown; search?: unknown; hash?: unknown };
}

/** Where to go after signing in: the page RequireAuth sent the user away from, else home. */
function returnPath(state: unknown): string {
  const from = (state as FromState | null)?.from;
  if (!from || typeof from.pathname !== 'string' || from.pathname === '/login') return '/';
  const search = typeof from.search === 'string' ? from.search : '';
  const hash = typeof from.hash === 'string' ? from.hash : '';
  return `${from.pathname}${search}${hash}`;
}

export function LoginPage() {
  const t = useT();
  const { token } = theme.useToken();
  useDocumentTitle('login.title');
  const [form] = Form.useForm<LoginRequest>();
  const location = useLocation();
  const me = useMe();
  const login = useLogin();
  const target = returnPath(location.state);

  if (me.isPending) return <PageLoading fullScreen />;
  // Signed in already, or just now: the login mutation puts the account into the `me` cache.
  if (me.data) return <Navigate to={target} replace />;

  const onFinish = (values: LoginRequest) => {
    login.mutate(
      { username: values.username.trim(), password: values.password },
      { onError: (error) => applyServerErrors(form, error) },
    );
  };

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        flexDirection: 'column',
        background: `linear-gradient(135deg, ${token.colorPrimaryBg} 0%, ${token.colorBgLayout} 60%)`,
      }}
    >
      <div style={{ display: 'flex', justifyContent: 'flex-end', padding: 16 }}>
        <LanguageSwitch />
      </div>
      <div style={{ flex: 1, display: 'flex', alignItems: 'center', justifyContent: 'center', padding: 16 }}>
        <Card style={{ width: 400, maxWidth: '100%', boxShadow: token.boxShadowTertiary }}>
          <div style={{ textAlign: 'center', marginBottom: 24 }}>
            <Typography.Title level={2} style={{ marginBottom: 4, color: token.colorPrimary }}>
              {t('app.name')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
          </div>
          {login.isError && (
            <Alert
              type="error"
              showIcon
              message={errorMessage(login.error)}
              style={{ marginBottom: 16 }}
              data-testid="login-error"
            />
          )}
          <Form<LoginRequest>
            form={form}
            layout="vertical"
            size="large"
            requiredMark={false}
            onFinish={onFinish}
            onValuesChange={() => login.isError && login.reset()}
          >
            <Form.Item
              name="username"
              label={t('login.username')}
              rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
            >
              <Input
                prefix={<UserOutlined />}
                placeholder={t('login.usernamePlaceholder')}
                autoComplete="username"
                autoFocus
                maxLength={64}
              />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('login.password')}
              rules={[{ required: true, message: t('login.passwordRequired') }]}
            >
              <Input.Password
                prefix={<LockOutlined />}
                placeholder={t('login.passwordPlaceholder')}
                autoComplete="current-password"
                maxLength={128}
              />
            </Form.Item>
            <Form.Item style={{ marginBottom: 0 }}>
              <Button
                type="primary"
                htmlType="submit"
                block
                loading={login.isPending}
                data-testid="login-submit"
              >
                {t('login.submit')}
              </Button>
            </Form.Item>
          </Form>
        </Card>
      </div>
      <Typography.Text type="secondary" style={{ textAlign: 'center', padding: 16 }}>
        {t('login.footer')}
      </Typography.Text>
    </div>
  );
}
