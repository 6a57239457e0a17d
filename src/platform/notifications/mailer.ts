import nodemailer, { type Transporter } from 'nodemailer';

/** Where and how inbox messages are copied by e-mail. */
export interface MailSettings {
  /** smtp://user:pass@host:port (or smtps://…); see nodemailer's connection URLs. */
  url: string;
  /** The sender, e.g. "才桥平台 <noreply@example.cn>". */
  from: string;
  /** The platform's address as users reach it, for links in the mail (e.g. https://caiqiao.example.cn). */
  publicUrl: string;
}

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Sends mail through the configured SMTP server (nodemailer keeps the connection details). */
export class Mailer {
  private readonly transport: Transporter;

  constructor(readonly settings: MailSettings) {
    this.transport = nodemailer.createTransport(settings.url);
  }

  async send(mail: Mail): Promise<void> {
    await this.transport.sendMail({ from: this.settings.from, ...mail });
  }

  /** The mail for one inbox message: its title as the subject, its body, and a link to the page. */
  compose(to: string, message: { title: string; body: string | null; link: string | null }): Mail {
    const url = message.link ? new URL(message.link, this.settings.publicUrl).toString() : null;
    const footer = '此邮件由才桥平台自动发送，请勿直接回复。';
    const text = [message.body, url ? `查看详情：${url}` : null, '', footer]
      .filter((x) => x !== null)
      .join('\n');
    const html = [
      `<p style="font-size:16px"><b>${escapeHtml(message.title)}</b></p>`,
      message.body ? `<p>${escapeHtml(message.body)}</p>` : '',
      url ? `<p><a href="${escapeHtml(url)}">查看详情</a></p>` : '',
      `<p style="color:#888;font-size:12px">${footer}</p>`,
    ].join('\n');
    return { to, subject: `【才桥】${message.title}`, text, html };
  }

  close(): void {
    this.transport.close();
  }
}

function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}
