// What SMTP_URL and MAIL_FROM mean, and which mailer a runtime gets from its settings.
import { describe, expect, it } from 'vitest'
import { ConsoleMailer, DisabledMailer, mailerFromEnv, MemoryMailer, parseSmtpUrl, splitAddress, WebhookMailer } from '../../src/platform/mailer.js'

const FROM = 'Duty Rota <rota@school.example>'

describe('SMTP_URL', () => {
  it('reads the account, host and port, decoding a password with reserved characters', () => {
    expect(parseSmtpUrl('smtp://rota%40school:p%40ss%3Aword@mail.school.example:2525', FROM)).toEqual({
      host: 'mail.school.example',
      port: 2525,
      secure: false,
      user: 'rota@school',
      password: 'p@ss:word',
      from: FROM,
    })
  })

  it('uses the submission port 587 for smtp:// and TLS on 465 for smtps://', () => {
    expect(parseSmtpUrl('smtp://mail.example', FROM)).toMatchObject({ port: 587, secure: false })
    expect(parseSmtpUrl('smtps://mail.example', FROM)).toMatchObject({ port: 465, secure: true })
  })

  it('refuses another scheme, and a missing MAIL_FROM, naming the setting and never the password', () => {
    expect(() => parseSmtpUrl('https://u:secret@mail.example', FROM)).toThrow(/SMTP_URL must start with smtp:\/\//)
    expect(() => parseSmtpUrl('not a url', FROM)).toThrow(/SMTP_URL must look like/)
    expect(() => parseSmtpUrl('smtp://u:secret@mail.example', undefined)).toThrow(/MAIL_FROM must be set/)
    expect(() => parseSmtpUrl('https://u:secret@mail.example', FROM)).not.toThrow(/secret/)
  })
})

describe('which mailer a runtime gets', () => {
  const smtp = () => new MemoryMailer()

  it('SMTP_URL wins over the webhook', () => {
    const env = { SMTP_URL: 'smtp://mail.example', MAIL_FROM: FROM, MAIL_WEBHOOK_URL: 'https://relay.example', MAIL_WEBHOOK_SECRET: 's' }
    expect(mailerFromEnv(env, { smtp })).toBeInstanceOf(MemoryMailer)
  })

  it('then the webhook, then the runtime fallback, then nothing sent', () => {
    expect(mailerFromEnv({ MAIL_WEBHOOK_URL: 'https://relay.example', MAIL_WEBHOOK_SECRET: 's' }, { smtp })).toBeInstanceOf(WebhookMailer)
    const fallback = new ConsoleMailer(() => {})
    expect(mailerFromEnv({}, { smtp, otherwise: fallback })).toBe(fallback)
    expect(mailerFromEnv({}, { smtp })).toBeInstanceOf(DisabledMailer)
  })

  it('refuses to start with SMTP_URL on a runtime without an SMTP transport rather than drop mail', () => {
    expect(() => mailerFromEnv({ SMTP_URL: 'smtp://mail.example', MAIL_FROM: FROM })).toThrow(/no SMTP transport/)
  })
})

describe('MAIL_FROM', () => {
  it('splits into the name and address a transport puts in the From header', () => {
    expect(splitAddress(FROM)).toEqual({ name: 'Duty Rota', email: 'rota@school.example' })
    expect(splitAddress('"Elm Tree Office" <office@elm.example>')).toEqual({ name: 'Elm Tree Office', email: 'office@elm.example' })
    expect(splitAddress('rota@school.example')).toEqual({ email: 'rota@school.example' })
  })
})
