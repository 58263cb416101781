// The problems that sign-in and authorisation give, in the same RFC 9457 shape and `type`
// namespace as src/http/problem.ts. Middleware returns these as responses.
import { problemResponse, type Problem } from '../http/problem.js'

const BASE = 'https://duty-rota.dev/problems/'

export const AUTH_PROBLEM = {
  unauthorised: { type: `${BASE}unauthorised`, title: 'Sign in, or send a valid API token', status: 401 },
  forbidden: { type: `${BASE}forbidden`, title: 'Your role does not allow this', status: 403 },
  crossSite: { type: `${BASE}cross-site-request`, title: 'Cross-site requests cannot change anything', status: 403 },
  tooManyAttempts: { type: `${BASE}too-many-attempts`, title: 'Too many sign-in attempts; wait and try again', status: 429 },
  invalidLink: { type: `${BASE}invalid-link`, title: 'This sign-in link has expired or was already used', status: 400 },
} as const satisfies Record<string, Problem>

export function authProblem(kind: keyof typeof AUTH_PROBLEM, detail?: string, headers?: HeadersInit): Response {
  return problemResponse({ ...AUTH_PROBLEM[kind], ...(detail === undefined ? {} : { detail }) }, headers)
}
