import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { order } from '../../../test/support/factories.ts';
import { type Client, type TestPlatform, testPlatform } from '../../../test/support/platform.ts';
import { notifications } from './schema.ts';

/** A real SMTP server on a free port that keeps what it receives; it can refuse the next N recipients. */
async function startSmtp() {
  const received: ParsedMail[] = [];
  let refuse = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (refuse > 0) {
        refuse--;
        const err = Object.assign(new Error('邮箱暂时不可用'), { responseCode: 450 });
        return callback(err);
      }
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    received,
    refuseNext: (n: number) => {
      refuse = n;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function until<T>(what: () => T | undefined, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = what();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('inbox messages by e-mail (SMTP)', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let p: TestPlatform;
  let enterprise: Client;
  let operator: Client;
  let expert: Client;
  let demandId: string;
  let chen: string;

  beforeAll(async () => {
    smtp = await startSmtp();
    p = await testPlatform({
      demo: true,
      config: {
        mail: {
          url: `smtp://127.0.0.1:${smtp.port}`,
          from: '才桥平台 <noreply@caiqiao.test>',
          publicUrl: 'https://caiqiao.example.cn',
        },
      },
    });
    enterprise = await p.signIn('enterprise');
    operator = await p.signIn('operator');
    expert = await p.signIn('expert');
    demandId = (await operator.get('/api/lists/demands?q=XQ-2026-001')).body.items[0].id;
    chen = (await operator.get('/api/registry/talents?q=ZJ-0001')).body.items[0].id;
  });
  afterAll(async () => {
    await p.close();
    await smtp.close();
  });

  const dispatchedOrder = () => order({ enterprise, operator }, demandId, 'dispatched', { experts: [chen] });

  it('mails a message to a user who gave an address, with a link to the page', async () => {
    const set = await expert.post('/api/auth/email', { email: 'Chen.ZhiYuan@Example.CN ' });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body.email).toBe('chen.zhiyuan@example.cn');
    const bad = await expert.post('/api/auth/email', { email: '不是邮箱' });
    expect(bad.status).toBe(400);

    const order = await dispatchedOrder();
    await p.notifications.deliverEmails();
    const mail = await until(() => smtp.received.find((m) => m.text?.includes(order.id)));
    expect(mail.subject).toBe(`【才桥】新的服务订单：${order.title}`);
    expect(mail.from?.text).toContain('noreply@caiqiao.test');
    expect((mail.to as { text: string }).text).toBe('chen.zhiyuan@example.cn');
    expect(mail.text).toContain(`https://caiqiao.example.cn/orders/${order.id}`);
    expect(mail.html).toContain('查看详情');
    // The inbox still has it, unread.
    const inbox = (await expert.get('/api/notifications?unread=true')).body;
    expect(inbox.items.some((n: { link: string }) => n.link === `/orders/${order.id}`)).toBe(true);
    // Accounts without an address get nothing by mail: the operators had no address.
    expect(smtp.received.every((m) => (m.to as { text: string }).text === 'chen.zhiyuan@example.cn')).toBe(
      true,
    );
  });

  it('retries a refused mail later with back-off, without touching the change or the inbox', async () => {
    smtp.refuseNext(1);
    const before = smtp.received.length;
    const order = await dispatchedOrder();
    const first = await p.notifications.deliverEmails();
    expect(first).toEqual({ sent: 0, failed: 1 });
    const [row] = await p.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.link, `/orders/${order.id}`));
    expect(row?.emailState).toBe('pending');
    expect(row?.emailAttempts).toBe(1);
    expect(row?.emailError).toContain('邮箱暂时不可用');
    // Not due again yet.
    expect(await p.notifications.deliverEmails()).toEqual({ sent: 0, failed: 0 });
    p.clock.advanceMinutes(2);
    expect(await p.notifications.deliverEmails()).toEqual({ sent: 1, failed: 0 });
    expect(smtp.received.length).toBe(before + 1);
    const [after] = await p.database.db.select().from(notifications).where(eq(notifications.id, row!.id));
    expect(after?.emailState).toBe('sent');
    // The order itself was never held up.
    expect((await operator.get(`/api/orders/${order.id}`)).body.status).toBe('dispatched');
  });

  it('is mailed by the job queue once the change commits, and only once', async () => {
    await p.startJobs({ pollSeconds: 0.5, cronCheckSeconds: 1 });
    const order = await dispatchedOrder();
    const mail = await until(() => smtp.received.find((m) => m.text?.includes(order.id)), 15_000);
    expect(mail.subject).toBe(`【才桥】新的服务订单：${order.title}`);
    await new Promise((r) => setTimeout(r, 1500));
    expect(smtp.received.filter((m) => m.text?.includes(order.id))).toHaveLength(1);
    const [row] = await p.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.link, `/orders/${order.id}`));
    expect(row?.emailState).toBe('sent');
  });
});
