// A phone's half of Web Push for tests: its own P-256 key pair and auth secret, and the
// decryption RFC 8291 leaves to the browser, with Node's crypto (not the project's WebCrypto
// code, so a mistake there cannot cancel itself out).
import { createDecipheriv, createECDH, hkdfSync, type ECDH } from 'node:crypto'
import { toBase64url } from '../../src/platform/base64url.js'

export interface TestPhone {
  ecdh: ECDH
  auth: Buffer
  /** base64url keys as a browser's subscription carries them */
  p256dh: string
  authSecret: string
}

export function newPhone(): TestPhone {
  const ecdh = createECDH('prime256v1')
  ecdh.generateKeys()
  const auth = Buffer.from(crypto.getRandomValues(new Uint8Array(16)))
  return { ecdh, auth, p256dh: toBase64url(ecdh.getPublicKey()), authSecret: toBase64url(auth) }
}

/** The message in one aes128gcm push body, decrypted with the phone's private key, as JSON. */
export function openPush(body: Buffer, phone: Pick<TestPhone, 'ecdh' | 'auth'>): unknown {
  const { ecdh, auth } = phone
  const salt = body.subarray(0, 16)
  const asPublic = body.subarray(21, 21 + (body[20] ?? 0))
  const ikm = Buffer.from(
    hkdfSync('sha256', ecdh.computeSecret(asPublic), auth, Buffer.concat([Buffer.from('WebPush: info\0'), ecdh.getPublicKey(), asPublic]), 32),
  )
  const key = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16))
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12))
  const sealed = body.subarray(21 + asPublic.length)
  const decipher = createDecipheriv('aes-128-gcm', key, nonce)
  decipher.setAuthTag(sealed.subarray(sealed.length - 16))
  const plain = Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final()])
  return JSON.parse(plain.subarray(0, plain.length - 1).toString('utf8'))
}
