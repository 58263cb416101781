// Request validation with zod through @hono/zod-validator. A failure never reaches a handler:
// it becomes one 400 problem that names every bad field and where it was (body, query...).
import { zValidator } from '@hono/zod-validator'
import type { ValidationTargets } from 'hono'
import type { z } from 'zod'
import { fieldError, invalid, type FieldError, type FieldLocation } from './problem.js'

const LOCATION: Record<keyof ValidationTargets, FieldLocation> = {
  json: 'body',
  form: 'body',
  query: 'query',
  param: 'params',
  header: 'header',
  cookie: 'header',
}

type Issue = z.core.$ZodIssue

/**
 * One entry per bad field, its messages joined; an unknown-keys issue names each unknown key
 * on its own path, so a client can point at every field it has to fix.
 */
export function fieldErrorsOf(issues: readonly Issue[], location: FieldLocation = 'body'): FieldError[] {
  const byPath = new Map<string, FieldError>()
  const all = issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => fieldError([...issue.path, key], `unknown field "${key}"`, location))
      : [fieldError(issue.path, issue.message, location)],
  )
  for (const error of all) {
    const seen = byPath.get(error.path)
    if (!seen) byPath.set(error.path, error)
    else if (!seen.message.split('; ').includes(error.message)) seen.message += `; ${error.message}`
  }
  return [...byPath.values()]
}

export function validate<Target extends keyof ValidationTargets, Schema extends z.ZodType>(target: Target, schema: Schema) {
  return zValidator(target, schema, (result) => {
    if (!result.success) throw invalid(fieldErrorsOf(result.error.issues, LOCATION[target]))
  })
}
