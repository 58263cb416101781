// RFC 9457 problem details: every error the API gives has this shape, with a `type` URI that
// clients can switch on (it never changes) and a human `title`.
import { formatPath } from '../../../solver/scenario.js'

export type FieldLocation = 'body' | 'query' | 'params' | 'header'

export interface FieldError {
  /** Path of the bad field inside its location, e.g. "pattern.mon.end" or "skills[1].expiresOn"; "" for the whole. */
  path: string
  message: string
  in?: FieldLocation
}

export interface Problem {
  type: string
  title: string
  status: number
  detail?: string
  errors?: FieldError[]
}

const BASE = 'https://duty-rota.dev/problems/'

export const PROBLEM = {
  validation: { type: `${BASE}validation`, title: 'The request has invalid fields', status: 400 },
  malformedJson: { type: `${BASE}malformed-json`, title: 'The request body is not valid JSON', status: 400 },
  malformedForm: { type: `${BASE}malformed-form`, title: 'The form in the request body cannot be read', status: 400 },
  unauthorised: { type: `${BASE}unauthorised`, title: 'Sign in, or send a valid API token', status: 401 },
  forbidden: { type: `${BASE}forbidden`, title: 'Your role does not allow this', status: 403 },
  crossSite: { type: `${BASE}cross-site-request`, title: 'Cross-site requests cannot change anything', status: 403 },
  notFound: { type: `${BASE}not-found`, title: 'Not found', status: 404 },
  conflict: { type: `${BASE}conflict`, title: 'Conflicts with existing data', status: 409 },
  preconditionFailed: { type: `${BASE}precondition-failed`, title: 'Changed since you read it', status: 412 },
  payloadTooLarge: { type: `${BASE}payload-too-large`, title: 'The request body is too large', status: 413 },
  unsupportedMediaType: { type: `${BASE}unsupported-media-type`, title: 'Send the body as application/json', status: 415 },
  tooManyAttempts: { type: `${BASE}too-many-attempts`, title: 'Too many sign-in attempts; wait and try again', status: 429 },
  invalidLink: { type: `${BASE}invalid-link`, title: 'This sign-in link has expired or was already used', status: 400 },
  mailUnavailable: { type: `${BASE}mail-unavailable`, title: 'The sign-in mail could not be sent just now; try again in a few minutes', status: 503 },
  internal: { type: `${BASE}internal`, title: 'Something went wrong on our side', status: 500 },
} as const satisfies Record<string, Problem>

type Kind = keyof typeof PROBLEM

/** Thrown anywhere below a route; app.onError turns it into the response. */
export class ProblemError extends Error {
  readonly problem: Problem
  constructor(kind: Kind, detail?: string, errors?: FieldError[]) {
    super(detail ?? PROBLEM[kind].title)
    this.name = 'ProblemError'
    this.problem = { ...PROBLEM[kind], ...(detail === undefined ? {} : { detail }), ...(errors ? { errors } : {}) }
  }
}

export const notFound = (detail: string) => new ProblemError('notFound', detail)
export const forbidden = (detail: string) => new ProblemError('forbidden', detail)
export const conflict = (detail: string) => new ProblemError('conflict', detail)
export const preconditionFailed = (detail: string) => new ProblemError('preconditionFailed', detail)

/** One bad field; for rules that span fields, where the JSON schema alone cannot say it. */
export function invalid(errors: FieldError[]): ProblemError {
  const detail = errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('; ')
  return new ProblemError('validation', detail, errors)
}

export function fieldError(path: readonly PropertyKey[], message: string, location: FieldLocation = 'body'): FieldError {
  return { path: formatPath(path), message, in: location }
}

export function problemResponse(problem: Problem, headers?: HeadersInit): Response {
  const h = new Headers(headers)
  h.set('content-type', 'application/problem+json')
  return new Response(JSON.stringify(problem), { status: problem.status, headers: h })
}
