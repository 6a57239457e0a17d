import type { Messages } from '../../app/bilingual.ts';

/** The in-app inbox (站内消息). Each key in Chinese and English. */
export const notificationsMessages = {
  'inbox.title': { zh: '站内消息', en: 'Messages' },
  'inbox.all': { zh: '全部', en: 'All' },
  'inbox.unread': { zh: '未读', en: 'Unread' },
  'inbox.unreadCount': { zh: '{count} 条未读', en: '{count} unread' },
  'inbox.bellUnread': { zh: '站内消息（{count} 条未读）', en: 'Messages ({count} unread)' },
  'inbox.markAllRead': { zh: '全部已读', en: 'Mark all read' },
  'inbox.allRead': { zh: '已全部标为已读', en: 'All messages marked read' },
  'inbox.none': { zh: '暂无消息', en: 'No messages' },
  'inbox.noneUnread': { zh: '没有未读消息', en: 'No unread messages' },
} satisfies Messages<'inbox'>;
