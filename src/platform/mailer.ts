// Sending sign-in links. The app only needs `send`; which mailer runs is the runtime's choice.
//
// There is deliberately no database outbox: a queued message holds a live sign-in link, and
// the rule is that no secret is ever stored in clear. Tests read a MemoryMailer; `npm start`
// prints links to the console; a deployment posts them to a mail service through a webhook.

export interface Mailer {
  send(to: string, subject: string, text: string): Promise<void>
}

export interface SentMail {
  to: string
  subject: string
  text: string
}

/** Keeps messages in memory for tests and the Node dev server's console. */
export class MemoryMailer implements Mailer {
  readonly sent: SentMail[] = []
  async send(to: string, subject: string, text: string): Promise<void> {
    this.sent.push({ to, subject, text })
  }
  /** The last message sent to `to`, if any. */
  lastTo(to: string): SentMail | undefined {
    return this.sent.filter((m) => m.to === to.toLowerCase()).at(-1)
  }
}

/** Local development: the link appears in the terminal that ran `npm start` or `wrangler dev`. */
export class ConsoleMailer implements Mailer {
  constructor(private readonly log: (line: string) => void = (line) => console.log(line)) {}
  async send(to: string, subject: string, text: string): Promise<void> {
    this.log(`[mail] to ${to}: ${subject}\n${text}`)
  }
}

/**
 * Production on either runtime: POSTs { to, subject, text } as JSON to a mail relay (a small
 * function in front of any transactional mail provider), authenticated by a shared secret.
 */
export class WebhookMailer implements Mailer {
  constructor(
    private readonly url: string,
    private readonly secret: string,
    private readonly fetchFn: typeof fetch = fetch,
  ) {}
  async send(to: string, subject: string, text: string): Promise<void> {
    const res = await this.fetchFn(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.secret}` },
      body: JSON.stringify({ to, subject, text }),
    })
    if (!res.ok) throw new Error(`mail relay answered ${res.status}`)
  }
}

/**
 * A deployment with no mail configured: sign-in links are not sent anywhere (and never logged,
 * since logs are not a safe place for a live link); `npm run admin -- signin-link` prints one.
 */
export class DisabledMailer implements Mailer {
  async send(to: string): Promise<void> {
    console.warn(`[mail] no mailer configured; a sign-in link for ${to} was not sent (use npm run admin -- signin-link)`)
  }
}

export interface MailerEnv {
  MAIL_WEBHOOK_URL?: string
  MAIL_WEBHOOK_SECRET?: string
  /** 'console' prints links (local development only) */
  DEV_MAILER?: string
}

export function mailerFromEnv(env: MailerEnv): Mailer {
  if (env.MAIL_WEBHOOK_URL && env.MAIL_WEBHOOK_SECRET) return new WebhookMailer(env.MAIL_WEBHOOK_URL, env.MAIL_WEBHOOK_SECRET)
  if (env.DEV_MAILER === 'console') return new ConsoleMailer()
  return new DisabledMailer()
}
