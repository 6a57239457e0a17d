import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Tooltip } from 'antd';
import { useNavigate } from 'react-router';
import { useT } from '../../app/i18n.tsx';
import { useUnreadCount } from './api.ts';

/** The bell in the header: the unread count of the inbox, opening it. */
export function InboxBell() {
  const t = useT();
  const navigate = useNavigate();
  const unread = useUnreadCount();
  const count = unread.data ?? 0;
  const label = count > 0 ? t('inbox.bellUnread', { count }) : t('inbox.title');
  return (
    <Tooltip title={label}>
      <Badge count={count} size="small" overflowCount={99} data-testid="inbox-count">
        <Button
          type="text"
          shape="circle"
          icon={<BellOutlined style={{ fontSize: 18 }} />}
          onClick={() => navigate('/notifications')}
          aria-label={label}
          data-testid="inbox-bell"
        />
      </Badge>
    </Tooltip>
  );
}
