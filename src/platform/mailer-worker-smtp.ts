// SMTP on Cloudflare Workers over TCP sockets (cloudflare:sockets, through worker-mailer).
// Only src/worker.ts imports this file: cloudflare:sockets does not exist on Node.
import { WorkerMailer } from 'worker-mailer'
import { MailNotSent, splitAddress, type Mailer, type SmtpConfig } from './mailer.js'

export class WorkerSmtpMailer implements Mailer {
  constructor(private readonly config: SmtpConfig) {}

  async send(to: string, subject: string, text: string): Promise<void> {
    const { host, port, secure, user, password } = this.config
    try {
      // One connection per message: a Worker's socket does not outlive the request that opened it.
      await WorkerMailer.send(
        {
          host,
          port,
          secure,
          startTls: !secure,
          ...(user === undefined ? {} : { credentials: { username: user, password: password ?? '' }, authType: ['plain', 'login'] }),
          socketTimeoutMs: 20_000,
          responseTimeoutMs: 10_000,
        },
        { from: splitAddress(this.config.from), to, subject, text },
      )
    } catch (err) {
      throw new MailNotSent(`the SMTP server ${host}:${port} did not take the message`, { cause: err })
    }
  }
}
