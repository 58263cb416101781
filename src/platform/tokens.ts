// Random tokens and their digests, with WebCrypto only, so Node and Workers run the same code.
//
// Every credential here is 256 random bits from crypto.getRandomValues. A slow password hash
// (bcrypt, scrypt, PBKDF2) exists to make guessing a low-entropy secret expensive; a 256-bit
// random token cannot be guessed, so one SHA-256 is enough to make a stolen table useless, and
// it is fast enough to look a token up by its digest on every request (docs/security.md).
import { Instant, type Clock } from '@js-joda/core'
import { toBase64url } from './base64url.js'

/** Bytes of randomness in every token: 256 bits, twice the 128-bit floor the issue sets. */
export const TOKEN_BYTES = 32

export function randomBytes(length: number): Uint8Array {
  const bytes = new Uint8Array(length)
  crypto.getRandomValues(bytes)
  return bytes
}

/** A fresh secret token, URL- and cookie-safe (43 characters of base64url). */
export function newToken(): string {
  return toBase64url(randomBytes(TOKEN_BYTES))
}

/** SHA-256 of the token as lower-case hex: the only form in which a token is stored. */
export async function hashToken(token: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token))
  let hex = ''
  for (const b of new Uint8Array(digest)) hex += b.toString(16).padStart(2, '0')
  return hex
}

/** The shape every token we issue has; anything else is rejected before touching the database. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/

export function looksLikeToken(value: string | undefined | null): value is string {
  return typeof value === 'string' && TOKEN_SHAPE.test(value)
}

/**
 * An instant as fixed-width ISO-8601 UTC with milliseconds. js-joda's Instant.toString drops
 * trailing zero fractions ('...:00Z' vs '...:00.5Z'), which would break comparing instants as
 * strings in SQL; Date#toISOString always prints three digits. Used for formatting only.
 */
export function isoInstant(instant: Instant): string {
  return new Date(instant.toEpochMilli()).toISOString()
}

export function nowIso(clock: Clock): string {
  return isoInstant(Instant.now(clock))
}

export function plusSecondsIso(clock: Clock, seconds: number): string {
  return isoInstant(Instant.now(clock).plusSeconds(seconds))
}
