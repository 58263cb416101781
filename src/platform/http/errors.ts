// Every error, whatever threw it, leaves as a problem response. Database constraint failures
// are the backstop for races the services' own checks cannot see (two requests creating the
// same code at once): they mean the request conflicts with data, never a server fault.
import { HTTPException } from 'hono/http-exception'
import { PROBLEM, ProblemError, type Problem } from './problem.js'
import { STALE_WRITE_MARKER } from '../audit.js'

const THING: Record<string, string> = {
  slots: 'slot',
  closures: 'closure',
  grades: 'grade',
  staff: 'staff member',
  duty_posts: 'duty post',
  cover_requests: 'cover request',
  events: 'event',
}

function withDetail(base: Problem, detail: string): Problem {
  return { ...base, detail }
}

function constraintProblem(message: string): Problem | undefined {
  if (message.includes(STALE_WRITE_MARKER)) {
    return withDetail(PROBLEM.preconditionFailed, 'someone else changed it while your change was being saved; reload it and try again')
  }
  const unique = /UNIQUE constraint failed: (\w+)\.([\w., ]+)/.exec(message)
  if (unique) {
    const table = unique[1] ?? ''
    const columns = (unique[2] ?? '')
      .split(',')
      .map((c) => c.trim().replace(/^\w+\./, ''))
      .filter((c) => c !== 'school_id')
    // Cover request and event codes are unique per (school, week): say "in that week", not "this week and code".
    const perWeek = columns.includes('week') ? ' in that week' : ''
    const what = columns.filter((c) => c !== 'week').join(' and ')
    return withDetail(PROBLEM.conflict, `another ${THING[table] ?? table} in this school already has this ${what}${perWeek}`)
  }
  if (message.includes('FOREIGN KEY constraint failed')) {
    return withDetail(PROBLEM.conflict, 'it is still used by, or refers to, something that does not allow this change')
  }
  if (message.includes('CHECK constraint failed')) {
    return withDetail(PROBLEM.validation, 'a value breaks a rule of the data model')
  }
  return undefined
}

export function toProblem(err: unknown): Problem {
  if (err instanceof ProblemError) return err.problem
  if (err instanceof HTTPException) {
    if (err.status === 413) return PROBLEM.payloadTooLarge
    if (err.status === 400 && /JSON/i.test(err.message)) return withDetail(PROBLEM.malformedJson, err.message)
    return { type: 'about:blank', title: err.message || 'HTTP error', status: err.status }
  }
  if (err instanceof Error) {
    const fromDb = constraintProblem(err.message)
    if (fromDb) return fromDb
  }
  return PROBLEM.internal
}
