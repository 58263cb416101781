// A real SMTP server in the test process (the smtp-server package), on a free loopback port:
// what the app's SMTP mailers hand it is what a school's mail server would receive.
import { SMTPServer } from 'smtp-server'
import type { SmtpConfig } from '../../src/platform/mailer.js'

export interface ReceivedMail {
  /** envelope recipients */
  to: string[]
  from: string
  subject: string
  /** the plain-text body, quoted-printable decoded */
  text: string
  raw: string
}

export interface TestSmtp {
  port: number
  /** SMTP_URL and MAIL_FROM for the app, with this server's account */
  env: { SMTP_URL: string; MAIL_FROM: string }
  config: SmtpConfig
  received: ReceivedMail[]
  /** the first message a recipient got, waiting for it if none has arrived yet */
  firstTo(to: string): Promise<ReceivedMail>
  close(): Promise<void>
}

export const SMTP_USER = { user: 'rota', password: 'p@ss:word' }

/** Soft line breaks and =XX escapes (RFC 2045 6.7), as nodemailer writes a long body. */
function decodeQuotedPrintable(body: string): string {
  const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
  return Buffer.from(bytes, 'latin1').toString('utf8')
}

/** Headers (unfolded) and body of a message or of one MIME part. */
function split(entity: string): { header: (name: string) => string; body: string } {
  const at = entity.indexOf('\r\n\r\n')
  const head = entity.slice(0, at).replace(/\r\n[ \t]+/g, ' ')
  return { header: (name) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head)?.[1]?.trim() ?? '', body: entity.slice(at + 4) }
}

/** The text/plain body, however deep the multipart nesting a transport chose. */
function plainText(entity: string): string {
  const { header, body } = split(entity)
  const type = header('Content-Type')
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1]
  if (/^multipart\//i.test(type) && boundary) {
    for (const part of body.split(`--${boundary}`).slice(1)) {
      if (part.startsWith('--')) break
      const text = plainText(part.replace(/^\r\n/, ''))
      if (text !== '') return text
    }
    return ''
  }
  if (type !== '' && !/^text\/plain/i.test(type)) return ''
  const text = /quoted-printable/i.test(header('Content-Transfer-Encoding')) ? decodeQuotedPrintable(body) : body
  return text.replace(/\r\n/g, '\n')
}

function parse(raw: string, to: string[], from: string): ReceivedMail {
  return { to, from, subject: split(raw).header('Subject'), text: plainText(raw), raw }
}

/**
 * `refuse`: answer every recipient with a temporary failure (a full mailbox, a server being
 * restarted), so the sender sees the error a real outage gives.
 */
export async function startSmtp(options: { refuse?: boolean } = {}): Promise<TestSmtp> {
  const received: ReceivedMail[] = []
  const waiting: { to: string; resolve: (m: ReceivedMail) => void }[] = []
  const server = new SMTPServer({
    // Plain text on loopback: the test has no certificate; production servers offer STARTTLS.
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === SMTP_USER.user && auth.password === SMTP_USER.password) callback(null, { user: auth.username })
      else callback(new Error('535 wrong user or password'))
    },
    onRcptTo(_address, _session, callback) {
      if (options.refuse) callback(Object.assign(new Error('mailbox unavailable, try later'), { responseCode: 451 }))
      else callback()
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((r) => r.address)
        const from = session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address
        const mail = parse(Buffer.concat(chunks).toString('latin1'), to, from)
        received.push(mail)
        for (const w of waiting.splice(0)) {
          if (to.includes(w.to)) w.resolve(mail)
          else waiting.push(w)
        }
        callback()
      })
    },
  })
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.server.address()
      resolve(typeof address === 'object' && address ? address.port : 0)
    })
  })
  const env = {
    SMTP_URL: `smtp://${SMTP_USER.user}:${encodeURIComponent(SMTP_USER.password)}@127.0.0.1:${port}`,
    MAIL_FROM: 'Duty Rota <rota@school.example>',
  }
  const config: SmtpConfig = { host: '127.0.0.1', port, secure: false, ...SMTP_USER, from: env.MAIL_FROM }
  return {
    port,
    env,
    config,
    received,
    firstTo: (to) => {
      const there = received.find((m) => m.to.includes(to))
      if (there) return Promise.resolve(there)
      return new Promise((resolve) => waiting.push({ to, resolve }))
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

/** A port nothing listens on: a mail server that is down. */
export async function deadSmtpPort(): Promise<number> {
  const s = await startSmtp()
  await s.close()
  return s.port
}
