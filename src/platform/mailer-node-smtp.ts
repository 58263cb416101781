// SMTP on Node through nodemailer. Only src/node.ts imports this file: nodemailer needs
// node:net and node:tls, which the Worker bundle must not carry (mailer-worker-smtp.ts is its
// counterpart there).
import { createTransport, type Transporter } from 'nodemailer'
import { MailNotSent, type Mailer, type SmtpConfig } from './mailer.js'

/**
 * Someone is waiting on the page for their sign-in link, so a dead or silent server is given
 * seconds, not nodemailer's minutes, before the page says the mail could not be sent.
 */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 }

export class NodeSmtpMailer implements Mailer {
  private readonly transport: Transporter

  constructor(private readonly config: SmtpConfig) {
    this.transport = createTransport({
      host: config.host,
      port: config.port,
      secure: config.secure,
      ...(config.user === undefined ? {} : { auth: { user: config.user, pass: config.password ?? '' } }),
      ...TIMEOUTS,
    })
  }

  async send(to: string, subject: string, text: string): Promise<void> {
    try {
      await this.transport.sendMail({ from: this.config.from, to, subject, text })
    } catch (err) {
      throw new MailNotSent(`the SMTP server ${this.config.host}:${this.config.port} did not take the message`, { cause: err })
    }
  }
}
