// Sending sign-in links. The app only needs `send`; which mailer runs is the runtime's choice.
//
// There is deliberately no database outbox: a queued message holds a live sign-in link, and
// the rule is that no secret is ever stored in clear. Tests read a MemoryMailer; `npm start`
// prints links to the console; a deployment sends over SMTP (SMTP_URL: nodemailer on Node in
// mailer-node-smtp.ts, TCP sockets on Workers in mailer-worker-smtp.ts, each imported only by its
// runtime's entry so neither runtime bundles the other's transport) or posts to a webhook.

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
    if (!res.ok) throw new MailNotSent(`mail relay answered ${res.status}`)
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

/** A transport that could not hand the message on; callers turn it into a sentence for the user. */
export class MailNotSent extends Error {
  constructor(detail: string, options?: { cause?: unknown }) {
    super(`mail not sent: ${detail}`, options)
    this.name = 'MailNotSent'
  }
}

/** What SMTP_URL and MAIL_FROM say, read once at start-up. */
export interface SmtpConfig {
  host: string
  port: number
  /** smtps://: TLS from the first byte (port 465); smtp://: STARTTLS when the server offers it */
  secure: boolean
  user?: string
  password?: string
  from: string
}

const SMTP_SCHEMES: Record<string, { secure: boolean; port: number }> = { 'smtp:': { secure: false, port: 587 }, 'smtps:': { secure: true, port: 465 } }

/**
 * Reads `smtp://user:pass@host:587` (or `smtps://…:465`). A wrong value stops the start with a
 * sentence naming the setting, rather than failing later at a sign-in. The password never
 * appears in an error.
 */
export function parseSmtpUrl(smtpUrl: string, mailFrom: string | undefined): SmtpConfig {
  let url: URL
  try {
    url = new URL(smtpUrl)
  } catch {
    throw new Error('SMTP_URL must look like smtp://user:password@host:587 (or smtps://…:465)')
  }
  const scheme = SMTP_SCHEMES[url.protocol]
  if (!scheme || url.hostname === '') throw new Error(`SMTP_URL must start with smtp:// or smtps:// and name a host, got ${url.protocol}//${url.hostname}`)
  const from = mailFrom?.trim() ?? ''
  if (!/^[^\s@<>]+@[^\s@<>]+$|<[^\s@<>]+@[^\s@<>]+>$/.test(from)) {
    throw new Error('MAIL_FROM must be set with SMTP_URL: the address mail comes from, e.g. "Duty Rota <rota@school.example>"')
  }
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port === '' ? scheme.port : Number(url.port),
    secure: scheme.secure,
    ...(url.username === '' ? {} : { user: decodeURIComponent(url.username) }),
    ...(url.password === '' ? {} : { password: decodeURIComponent(url.password) }),
    from,
  }
}

/** "Duty Rota <rota@school.example>" as a name and an address, for transports that want both. */
export function splitAddress(from: string): { name?: string; email: string } {
  const m = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(from)
  if (!m?.[2]) return { email: from.trim() }
  return m[1] ? { name: m[1], email: m[2] } : { email: m[2] }
}

export interface MailerEnv {
  /** e.g. smtp://user:pass@host:587; wins over the webhook */
  SMTP_URL?: string
  MAIL_FROM?: string
  MAIL_WEBHOOK_URL?: string
  MAIL_WEBHOOK_SECRET?: string
  /** 'console' prints links (local development only) */
  DEV_MAILER?: string
}

export interface MailerChoices {
  /** the runtime's SMTP transport; without one, SMTP_URL is refused at start-up */
  smtp?: (config: SmtpConfig) => Mailer
  /** with nothing configured; default: DEV_MAILER=console prints, else nothing is sent */
  otherwise?: Mailer
}

/** The one order on both runtimes: SMTP_URL, else the webhook, else the runtime's fallback. */
export function mailerFromEnv(env: MailerEnv, choices: MailerChoices = {}): Mailer {
  if (env.SMTP_URL) {
    if (!choices.smtp) throw new Error('SMTP_URL is set, but this runtime has no SMTP transport')
    return choices.smtp(parseSmtpUrl(env.SMTP_URL, env.MAIL_FROM))
  }
  if (env.MAIL_WEBHOOK_URL && env.MAIL_WEBHOOK_SECRET) return new WebhookMailer(env.MAIL_WEBHOOK_URL, env.MAIL_WEBHOOK_SECRET)
  if (choices.otherwise) return choices.otherwise
  if (env.DEV_MAILER === 'console') return new ConsoleMailer()
  return new DisabledMailer()
}
