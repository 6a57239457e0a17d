import { defineJob, noPayload } from '../jobs/define.ts';
import type { NotificationsService } from './service.ts';

interface Deps {
  notifications: NotificationsService;
}

/**
 * The e-mail outbox: sends the pending copies that are due. Sent in the
 * transaction of each change that mails someone (so it runs once that
 * commits), and, when SMTP is configured, every minute for retries that come
 * due (a mail's own back-off is kept on its row).
 */
export const deliverEmails = defineJob({
  name: 'notifications.deliver-emails',
  payload: noPayload,
  schedule: { cron: ({ notifications }: Deps) => (notifications.mails ? '* * * * *' : null) },
  handler: async (_payload, { notifications }: Deps) => {
    let total = { sent: 0, failed: 0 };
    for (;;) {
      const batch = await notifications.deliverEmails();
      total = { sent: total.sent + batch.sent, failed: total.failed + batch.failed };
      if (batch.sent + batch.failed < 50) return total;
    }
  },
});

export const notificationJobs = [deliverEmails] as const;
