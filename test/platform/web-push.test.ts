// Web Push as browsers and push services read it: the RFC 8291 example reproduced byte for
// byte, a fresh message opened by a browser's half written here with Node's own crypto (not
// WebCrypto, so one cannot hide the other's mistake), and a VAPID token a push service accepts.
import { createECDH, createDecipheriv, createPublicKey, hkdfSync, verify } from 'node:crypto'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { fromBase64url, toBase64url } from '../../src/platform/base64url.js'
import { encryptForSubscription, newVapidKeys, sendPush, vapidAuthorization, vapidFromEnv } from '../../src/platform/web-push.js'

// RFC 8291 Appendix A, every value as the RFC prints it.
const RFC = {
  plaintext: 'When I grow up, I want to be a watermelon',
  asPrivate: 'yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw',
  asPublic: 'BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8',
  uaPublic: 'BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4',
  auth: 'BTBZMqHH6r4Tts7J_aSIgg',
  salt: 'DGv6ra1nlYgDCS1FRnbzlw',
  body: 'DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN',
}

async function rfcSenderKeys(): Promise<CryptoKeyPair> {
  const pub = fromBase64url(RFC.asPublic)
  const jwk = { kty: 'EC', crv: 'P-256', x: toBase64url(pub.slice(1, 33)), y: toBase64url(pub.slice(33)) }
  return {
    privateKey: await crypto.subtle.importKey('jwk', { ...jwk, d: RFC.asPrivate }, { name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits']),
    publicKey: await crypto.subtle.importKey('jwk', jwk, { name: 'ECDH', namedCurve: 'P-256' }, true, []),
  }
}

/** The browser's half: open an aes128gcm body with the subscription's private key and auth secret. */
function openAsBrowser(body: Uint8Array, uaPrivate: Buffer, auth: Buffer): string {
  const bytes = Buffer.from(body)
  const salt = bytes.subarray(0, 16)
  const keyLength = bytes[20] ?? 0
  const asPublic = bytes.subarray(21, 21 + keyLength)
  const ecdh = createECDH('prime256v1')
  ecdh.setPrivateKey(uaPrivate)
  const ikm = Buffer.from(
    hkdfSync('sha256', ecdh.computeSecret(asPublic), auth, Buffer.concat([Buffer.from('WebPush: info\0'), ecdh.getPublicKey(), asPublic]), 32),
  )
  const cek = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16))
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12))
  const sealed = bytes.subarray(21 + keyLength)
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce)
  decipher.setAuthTag(sealed.subarray(sealed.length - 16))
  const plain = Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final()])
  expect(plain.at(-1)).toBe(2)
  return plain.subarray(0, plain.length - 1).toString('utf8')
}

function browserSubscription(endpoint: string) {
  const ecdh = createECDH('prime256v1')
  ecdh.generateKeys()
  const auth = Buffer.from(crypto.getRandomValues(new Uint8Array(16)))
  return { ecdh, auth, subscription: { endpoint, p256dh: toBase64url(ecdh.getPublicKey()), auth: toBase64url(auth) } }
}

describe('a push message', () => {
  it('is encrypted exactly as the RFC 8291 example', async () => {
    const body = await encryptForSubscription(
      { endpoint: 'https://push.example.net/x', p256dh: RFC.uaPublic, auth: RFC.auth },
      new TextEncoder().encode(RFC.plaintext),
      {
        salt: fromBase64url(RFC.salt),
        ephemeral: await rfcSenderKeys(),
      },
    )
    expect(toBase64url(body)).toBe(RFC.body)
  })

  it('opens in the browser it was encrypted for, and in no other', async () => {
    const mine = browserSubscription('https://push.example.net/a')
    const other = browserSubscription('https://push.example.net/b')
    const body = await encryptForSubscription(mine.subscription, new TextEncoder().encode('{"title":"Your duties changed"}'))
    expect(openAsBrowser(body, mine.ecdh.getPrivateKey(), mine.auth)).toBe('{"title":"Your duties changed"}')
    expect(() => openAsBrowser(body, other.ecdh.getPrivateKey(), other.auth)).toThrow()
  })
})

describe('the VAPID token', () => {
  it('names the push service, expires within a day, and verifies with the public key the browser subscribed with', async () => {
    const keys = { ...(await newVapidKeys()), subject: 'mailto:office@elm.example' }
    const header = await vapidAuthorization('https://push.example.net/send/abc', keys, 1_800_000_000)
    const [, token, k] = /^vapid t=([^,]+), k=(.+)$/.exec(header) ?? []
    expect(k).toBe(keys.publicKey)
    const [head, claims, signature] = (token ?? '').split('.')
    expect(JSON.parse(Buffer.from(claims ?? '', 'base64url').toString())).toEqual({
      aud: 'https://push.example.net',
      exp: 1_800_000_000 + 12 * 3600,
      sub: 'mailto:office@elm.example',
    })
    const pub = fromBase64url(keys.publicKey)
    const key = createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: toBase64url(pub.slice(1, 33)), y: toBase64url(pub.slice(33)) }, format: 'jwk' })
    const ok = verify('sha256', Buffer.from(`${head}.${claims}`), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(signature ?? '', 'base64url'))
    expect(ok).toBe(true)
  })
})

describe('sending', () => {
  it('posts the encrypted body with the headers a push service requires, and hears when the browser is gone', async () => {
    const seen: { headers: Record<string, string | string[] | undefined>; body: Buffer }[] = []
    let answer = 201
    const server = createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (c: Buffer) => chunks.push(c))
      req.on('end', () => {
        seen.push({ headers: req.headers, body: Buffer.concat(chunks) })
        res.writeHead(answer).end()
      })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/push/1`
    try {
      const browser = browserSubscription(endpoint)
      const keys = { ...(await newVapidKeys()), subject: 'mailto:office@elm.example' }
      expect(await sendPush(browser.subscription, { title: 'Changed' }, keys, 1_800_000_000)).toEqual({ kind: 'sent' })
      const [first] = seen
      expect(first?.headers).toMatchObject({ 'content-encoding': 'aes128gcm', ttl: '86400' })
      expect(String(first?.headers.authorization)).toMatch(/^vapid t=.+, k=/)
      expect(openAsBrowser(first!.body, browser.ecdh.getPrivateKey(), browser.auth)).toBe('{"title":"Changed"}')
      answer = 410
      expect(await sendPush(browser.subscription, { title: 'Changed' }, keys, 1_800_000_000)).toEqual({ kind: 'gone' })
      answer = 503
      expect(await sendPush(browser.subscription, { title: 'Changed' }, keys, 1_800_000_000)).toMatchObject({
        kind: 'failed',
        reason: expect.stringContaining('503'),
      })
    } finally {
      server.close()
    }
  })
})

describe('the push configuration', () => {
  it('is off when nothing is set, and refuses half of one with what to set', async () => {
    expect(vapidFromEnv({})).toBeUndefined()
    expect(() => vapidFromEnv({ VAPID_PUBLIC_KEY: 'x' })).toThrow(/set all of VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY and VAPID_SUBJECT/)
    const keys = await newVapidKeys()
    expect(() => vapidFromEnv({ VAPID_PUBLIC_KEY: keys.publicKey, VAPID_PRIVATE_KEY: keys.privateKey, VAPID_SUBJECT: 'office@elm.example' })).toThrow(/mailto:/)
    expect(vapidFromEnv({ VAPID_PUBLIC_KEY: keys.publicKey, VAPID_PRIVATE_KEY: keys.privateKey, VAPID_SUBJECT: 'mailto:office@elm.example' })).toEqual({
      ...keys,
      subject: 'mailto:office@elm.example',
    })
  })
})
