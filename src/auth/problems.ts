// The problems sign-in and authorisation give, answered directly by middleware (which must
// set headers such as WWW-Authenticate and Retry-After on the response).
import { PROBLEM, problemResponse } from '../platform/http/problem.js'

type AuthProblem = 'unauthorised' | 'forbidden' | 'crossSite' | 'tooManyAttempts' | 'invalidLink' | 'mailUnavailable'

export function authProblem(kind: AuthProblem, detail?: string, headers?: HeadersInit): Response {
  return problemResponse({ ...PROBLEM[kind], ...(detail === undefined ? {} : { detail }) }, headers)
}
