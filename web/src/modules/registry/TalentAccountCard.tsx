import { App as AntApp, Button, Card, Form, Input, Popconfirm, Space, Typography } from 'antd';
import { errorMessage } from '../../app/api.ts';
import { applyServerErrors } from '../../app/forms.ts';
import { useT } from '../../app/i18n.tsx';
import { PageError } from '../../app/PageState.tsx';
import { useCan } from '../../app/session.ts';
import { useLinkTalentAccount, useTalentAccount } from './api.ts';

/**
 * 关联账号 on an expert's record: who keeps the profile and receives the
 * orders and invitations sent to this expert; those who manage the registry
 * link an account by its username, or unlink it.
 */
export function TalentAccountCard({ talentId }: { talentId: string }) {
  const t = useT();
  const { message } = AntApp.useApp();
  const canManage = useCan('registry.manage');
  const account = useTalentAccount(talentId);
  const link = useLinkTalentAccount(talentId);
  const [form] = Form.useForm<{ username: string }>();
  const linked = account.data?.account ?? null;

  const submit = ({ username }: { username: string }) =>
    link.mutate(username.trim(), {
      onSuccess: (result) => {
        void message.success(t('registry.account.linked', { username: result.account?.username ?? '' }));
        form.resetFields();
      },
      onError: (error) => applyServerErrors(form, error),
    });

  return (
    <Card title={t('registry.account.title')} size="small" data-testid="talent-account">
      {account.isError ? (
        <PageError error={account.error} onRetry={() => void account.refetch()} />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('registry.account.help')}</Typography.Text>
          {linked ? (
            <Space wrap>
              <Typography.Text strong data-testid="talent-account-linked">
                {linked.displayName}（{linked.username}）
              </Typography.Text>
              {canManage && (
                <Popconfirm
                  title={t('registry.account.unlink')}
                  description={t('registry.account.unlinkConfirm')}
                  okText={t('common.confirm')}
                  cancelText={t('common.cancel')}
                  onConfirm={() =>
                    link.mutateAsync(null).then(
                      () => void message.success(t('registry.account.unlinked')),
                      (error: unknown) => void message.error(errorMessage(error)),
                    )
                  }
                >
                  <Button size="small" danger loading={link.isPending} data-testid="talent-account-unlink">
                    {t('registry.account.unlink')}
                  </Button>
                </Popconfirm>
              )}
            </Space>
          ) : (
            <Typography.Text>{account.isPending ? '…' : t('registry.account.none')}</Typography.Text>
          )}
          {canManage && !linked && !account.isPending && (
            <Form form={form} layout="inline" onFinish={submit}>
              <Form.Item
                name="username"
                label={t('registry.account.username')}
                rules={[
                  { required: true, whitespace: true, message: t('registry.account.usernameRequired') },
                ]}
              >
                <Input maxLength={64} autoComplete="off" data-testid="talent-account-username" />
              </Form.Item>
              <Form.Item>
                <Button
                  htmlType="submit"
                  type="primary"
                  loading={link.isPending}
                  data-testid="talent-account-link"
                >
                  {t('registry.account.link')}
                </Button>
              </Form.Item>
            </Form>
          )}
        </Space>
      )}
    </Card>
  );
}
