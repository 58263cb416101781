// Security headers on every response. The pages use no inline script or style and load
// nothing from elsewhere, so the policy can be strict: anything injected would not run.
import { secureHeaders } from 'hono/secure-headers'
import { ME_STYLE_HASH } from '../ui/phone-styles.js'

export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  // The phone page inlines its one stylesheet; it is allowed by its digest, nothing else inline.
  styleSrc: ["'self'", ME_STYLE_HASH],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
}

export function securityHeaders() {
  return secureHeaders({
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    // Sign-in and staff links carry tokens in the URL; no page should pass its URL on.
    referrerPolicy: 'no-referrer',
    strictTransportSecurity: 'max-age=63072000; includeSubDomains',
    xFrameOptions: 'DENY',
    permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
  })
}
