// Web Push from either runtime with WebCrypto alone: the payload encrypted for one browser as
// RFC 8291 says (ECDH P-256 with the subscription's key, HKDF-SHA-256 with its auth secret,
// AES-128-GCM in the aes128gcm coding of RFC 8188, one record), and the push service told who
// we are with a VAPID token (RFC 8292: an ES256 JWT for the endpoint's origin). No Node crypto,
// so the Worker sends exactly what Node sends.
import { fromBase64url, toBase64url } from './base64url.js'

export interface PushSubscription {
  endpoint: string
  /** base64url: the browser's P-256 public key, uncompressed (65 bytes) */
  p256dh: string
  /** base64url: the browser's 16-byte auth secret */
  auth: string
}

export interface VapidKeys {
  /** base64url, uncompressed P-256 point (65 bytes): what browsers subscribe with */
  publicKey: string
  /** base64url, the 32-byte private scalar */
  privateKey: string
  /** "mailto:..." or an https URL the push service can reach the sender at */
  subject: string
}

const RECORD_SIZE = 4096
const encoder = new TextEncoder()

const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

async function hkdf(salt: Uint8Array, ikm: Uint8Array, info: Uint8Array, bytes: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', ikm, 'HKDF', false, ['deriveBits'])
  return new Uint8Array(await crypto.subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt, info }, key, bytes * 8))
}

/**
 * The request body for one subscription: salt, record size, our ephemeral public key, and the
 * payload encrypted as a single final record. `salt` and `ephemeral` are for tests to fix.
 */
export async function encryptForSubscription(
  subscription: PushSubscription,
  payload: Uint8Array,
  fixed: { salt?: Uint8Array; ephemeral?: CryptoKeyPair } = {},
): Promise<Uint8Array> {
  const uaPublic = fromBase64url(subscription.p256dh)
  const authSecret = fromBase64url(subscription.auth)
  if (uaPublic.length !== 65 || uaPublic[0] !== 4) throw new Error('the subscription key is not an uncompressed P-256 point')
  if (authSecret.length !== 16) throw new Error('the subscription auth secret is not 16 bytes')
  const ephemeral = fixed.ephemeral ?? ((await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits'])) as CryptoKeyPair)
  const asPublic = new Uint8Array((await crypto.subtle.exportKey('raw', ephemeral.publicKey)) as ArrayBuffer)
  const uaKey = await crypto.subtle.importKey('raw', uaPublic, { name: 'ECDH', namedCurve: 'P-256' }, false, [])
  // The Workers types spell the member `$public` (a reserved word in their generator); every
  // runtime reads `public`, as WebCrypto names it.
  const ecdh = { name: 'ECDH', public: uaKey } as unknown as SubtleCryptoDeriveKeyAlgorithm
  const ecdhSecret = new Uint8Array(await crypto.subtle.deriveBits(ecdh, ephemeral.privateKey, 256))
  const ikm = await hkdf(authSecret, ecdhSecret, concat(encoder.encode('WebPush: info\0'), uaPublic, asPublic), 32)
  const salt = fixed.salt ?? crypto.getRandomValues(new Uint8Array(16))
  const cek = await hkdf(salt, ikm, encoder.encode('Content-Encoding: aes128gcm\0'), 16)
  const nonce = await hkdf(salt, ikm, encoder.encode('Content-Encoding: nonce\0'), 12)
  // One record, so it is the last: the delimiter 0x02, no padding.
  if (payload.length + 1 + 16 > RECORD_SIZE) throw new Error('a push message must fit one 4096-byte record')
  const key = await crypto.subtle.importKey('raw', cek, 'AES-GCM', false, ['encrypt'])
  const ciphertext = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv: nonce }, key, concat(payload, new Uint8Array([2]))))
  const header = new Uint8Array(16 + 4 + 1)
  header.set(salt, 0)
  new DataView(header.buffer).setUint32(16, RECORD_SIZE)
  header[20] = asPublic.length
  return concat(header, asPublic, ciphertext)
}

/** `Authorization: vapid t=..., k=...` for a request to `endpoint`, valid for 12 hours from `nowSeconds`. */
export async function vapidAuthorization(endpoint: string, keys: VapidKeys, nowSeconds: number): Promise<string> {
  const publicRaw = fromBase64url(keys.publicKey)
  const jwk: JsonWebKey = {
    kty: 'EC',
    crv: 'P-256',
    x: toBase64url(publicRaw.slice(1, 33)),
    y: toBase64url(publicRaw.slice(33, 65)),
    d: keys.privateKey,
  }
  const signer = await crypto.subtle.importKey('jwk', jwk, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign'])
  const part = (o: object) => toBase64url(encoder.encode(JSON.stringify(o)))
  const unsigned = `${part({ typ: 'JWT', alg: 'ES256' })}.${part({ aud: new URL(endpoint).origin, exp: nowSeconds + 12 * 3600, sub: keys.subject })}`
  // WebCrypto's ECDSA signature is r || s, 64 bytes: exactly the JWS form of ES256.
  const signature = new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, signer, encoder.encode(unsigned)))
  return `vapid t=${unsigned}.${toBase64url(signature)}, k=${keys.publicKey}`
}

export type PushOutcome = { kind: 'sent' } | { kind: 'gone' } | { kind: 'failed'; reason: string }

/** Sends one message; `gone` when the browser unsubscribed (404/410), so the caller forgets it. */
export async function sendPush(
  subscription: PushSubscription,
  message: object,
  keys: VapidKeys,
  nowSeconds: number,
  fetcher: typeof fetch = fetch,
): Promise<PushOutcome> {
  const body = await encryptForSubscription(subscription, encoder.encode(JSON.stringify(message)))
  const res = await fetcher(subscription.endpoint, {
    method: 'POST',
    headers: {
      authorization: await vapidAuthorization(subscription.endpoint, keys, nowSeconds),
      'content-encoding': 'aes128gcm',
      'content-type': 'application/octet-stream',
      // A day: a change to tomorrow's duties is no use to anyone after that.
      ttl: '86400',
      urgency: 'normal',
    },
    body,
  })
  if (res.status === 404 || res.status === 410) return { kind: 'gone' }
  if (!res.ok) return { kind: 'failed', reason: `push service answered ${res.status} ${(await res.text()).slice(0, 200)}`.trim() }
  return { kind: 'sent' }
}

/** A new VAPID key pair, for `npm run admin -- vapid-keys`. */
export async function newVapidKeys(): Promise<{ publicKey: string; privateKey: string }> {
  const pair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign'])) as CryptoKeyPair
  const publicKey = toBase64url(new Uint8Array((await crypto.subtle.exportKey('raw', pair.publicKey)) as ArrayBuffer))
  const jwk = (await crypto.subtle.exportKey('jwk', pair.privateKey)) as JsonWebKey
  if (!jwk.d) throw new Error('the private key did not export')
  return { publicKey, privateKey: jwk.d }
}

export interface VapidEnv {
  VAPID_PUBLIC_KEY?: string
  VAPID_PRIVATE_KEY?: string
  VAPID_SUBJECT?: string
}

/** The keys from configuration; none set means no push. Half a configuration is refused at start. */
export function vapidFromEnv(env: VapidEnv): VapidKeys | undefined {
  const { VAPID_PUBLIC_KEY: publicKey, VAPID_PRIVATE_KEY: privateKey, VAPID_SUBJECT: subject } = env
  if (!publicKey && !privateKey && !subject) return undefined
  if (!publicKey || !privateKey || !subject)
    throw new Error('set all of VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY and VAPID_SUBJECT (npm run admin -- vapid-keys), or none')
  if (fromBase64url(publicKey).length !== 65) throw new Error('VAPID_PUBLIC_KEY must be a base64url uncompressed P-256 public key (65 bytes)')
  if (fromBase64url(privateKey).length !== 32) throw new Error('VAPID_PRIVATE_KEY must be a base64url P-256 private key (32 bytes)')
  if (!/^(mailto:|https:\/\/)/.test(subject)) throw new Error('VAPID_SUBJECT must be a mailto: address or an https URL')
  return { publicKey, privateKey, subject }
}
