import { CheckOutlined } from '@ant-design/icons';
import { App as AntApp, Badge, Button, Card, List, Segmented, Space, Typography, theme } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { errorMessage } from '../../app/api.ts';
import { formatDateTime } from '../../app/format.ts';
import { useT } from '../../app/i18n.tsx';
import { DEFAULT_PAGE_SIZE } from '../../app/listParams.ts';
import { PageError } from '../../app/PageState.tsx';
import { TouchTargets, usePhone } from '../../app/phone.tsx';
import { useDocumentTitle } from '../../app/title.ts';
import { type Notification, type NotificationParams, useMarkRead, useNotifications } from './api.ts';

function readParams(search: URLSearchParams): NotificationParams {
  const page = Number(search.get('page'));
  return {
    page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1,
    pageSize: DEFAULT_PAGE_SIZE,
    ...(search.get('unread') === 'true' ? { unread: 'true' as const } : {}),
  };
}

function writeParams(params: NotificationParams): URLSearchParams {
  const search = new URLSearchParams();
  if (params.unread) search.set('unread', 'true');
  if (params.page > 1) search.set('page', String(params.page));
  return search;
}

/** Only links into this app are followed (messages carry paths like /orders/<id>). */
function inAppLink(link: string | null): string | null {
  return link?.startsWith('/') && !link.startsWith('//') ? link : null;
}

/** 站内消息: the caller's messages, newest first; opening one marks it read and follows its link. */
export function NotificationsPage() {
  const t = useT();
  useDocumentTitle('inbox.title');
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const { token } = theme.useToken();
  const [searchParams, setSearchParams] = useSearchParams();
  const params = readParams(searchParams);
  const inbox = useNotifications(params);
  const markRead = useMarkRead();
  const unread = inbox.data?.unread ?? 0;
  const phone = usePhone();

  const open = (item: Notification) => {
    if (!item.read) {
      markRead.mutate({ ids: [item.id] }, { onError: (error) => void message.error(errorMessage(error)) });
    }
    const link = inAppLink(item.link);
    if (link) navigate(link);
  };

  const sent = (item: Notification) => (
    <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
      {formatDateTime(item.createdAt)}
    </Typography.Text>
  );
  const controls = (
    <Space wrap>
      <Segmented
        value={params.unread ? 'unread' : 'all'}
        options={[
          { value: 'all', label: t('inbox.all') },
          { value: 'unread', label: t('inbox.unread') },
        ]}
        onChange={(value) =>
          setSearchParams(
            writeParams({
              page: 1,
              pageSize: params.pageSize,
              ...(value === 'unread' ? { unread: 'true' } : {}),
            }),
          )
        }
      />
      <Button
        icon={<CheckOutlined />}
        disabled={unread === 0}
        loading={markRead.isPending}
        onClick={() =>
          markRead.mutate(
            { all: true },
            {
              onSuccess: () => void message.success(t('inbox.allRead')),
              onError: (error) => void message.error(errorMessage(error)),
            },
          )
        }
        data-testid="inbox-read-all"
      >
        {t('inbox.markAllRead')}
      </Button>
    </Space>
  );

  // On a phone: the switch and 全部已读 go under the title, each message's time under its text, and
  // the switch, the button and the pages are 44 px touch targets.
  return (
    <TouchTargets on={phone}>
      <Card
        title={
          <Space size={8}>
            {t('inbox.title')}
            {unread > 0 && (
              <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
                {t('inbox.unreadCount', { count: unread })}
              </Typography.Text>
            )}
          </Space>
        }
        extra={phone ? undefined : controls}
      >
        {phone && <div style={{ marginBottom: 12 }}>{controls}</div>}
        {inbox.isError && !inbox.data ? (
          <PageError error={inbox.error} onRetry={() => void inbox.refetch()} />
        ) : (
          <List<Notification>
            loading={inbox.isFetching}
            dataSource={inbox.data?.items ?? []}
            locale={{ emptyText: t(params.unread ? 'inbox.noneUnread' : 'inbox.none') }}
            data-testid="inbox-list"
            pagination={{
              current: params.page,
              pageSize: params.pageSize,
              total: inbox.data?.total ?? 0,
              hideOnSinglePage: true,
              showTotal: (total) => t('common.total', { total }),
              onChange: (page) => setSearchParams(writeParams({ ...params, page })),
            }}
            renderItem={(item) => (
              <List.Item
                onClick={() => open(item)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') open(item);
                }}
                tabIndex={0}
                role="link"
                style={{
                  cursor: 'pointer',
                  paddingInline: 12,
                  background: item.read ? undefined : token.colorPrimaryBg,
                }}
                data-testid="inbox-item"
                data-read={item.read}
                extra={phone ? undefined : sent(item)}
              >
                <List.Item.Meta
                  avatar={<Badge status={item.read ? 'default' : 'processing'} />}
                  title={
                    <Typography.Text strong={!item.read} data-testid="inbox-item-title">
                      {item.title}
                    </Typography.Text>
                  }
                  description={
                    phone ? (
                      <>
                        {item.body && <div>{item.body}</div>}
                        {sent(item)}
                      </>
                    ) : (
                      (item.body ?? undefined)
                    )
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Card>
    </TouchTargets>
  );
}
