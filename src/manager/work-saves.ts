// What the Cover and Events page handlers share when they write: a code made for the manager
// who typed none, and a CSV file's problems as lines of the file. Edits go through edit-guard.ts.
import { ProblemError } from '../platform/http/problem.js'
import type { LineProblem } from '../setup/paste-problems.js'

const isTakenCode = (err: unknown) =>
  err instanceof ProblemError && err.problem.status === 409 && (err.problem.errors ?? []).some((e) => e.path.split('.')[0] === 'code')

/** "Parents' evening" -> "parents-evening": a code as the scenario format allows one. */
export function codeFrom(text: string, otherwise: string): string {
  const slug = text
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
  return slug === '' ? otherwise : slug
}

/**
 * Creates with the code the manager typed, or else with `base`, then `base-2`, `base-3`...
 * until one is free: codes are unique within a week (and apart from duty posts' codes), and the
 * create itself is what says which are taken, inside its own checks.
 */
export async function withFreeCode<T>(typed: string | undefined, base: string, create: (code: string) => Promise<T>): Promise<T> {
  if (typed !== undefined) return create(typed)
  for (let n = 1; ; n++) {
    try {
      return await create(n === 1 ? base : `${base}-${n}`)
    } catch (err) {
      if (n >= 50 || !isTakenCode(err)) throw err
    }
  }
}

/** A refused file's problems ("line 3.slot") as the lines and columns of the file. */
export function csvProblems(err: unknown): LineProblem[] {
  if (!(err instanceof ProblemError)) throw err
  const errors = err.problem.errors ?? []
  if (errors.length === 0) return [{ line: 0, message: err.problem.detail ?? err.problem.title }]
  return errors.map((e) => {
    const m = /^line (\d+)(?:\.(.+))?$/.exec(e.path)
    if (!m) return { line: 0, message: e.message }
    return { line: Number(m[1]), ...(m[2] === undefined ? {} : { column: m[2] }), message: e.message }
  })
}

/** A refusal's HTTP status for the page that shows it. */
export const statusOf = (err: unknown) => (err instanceof ProblemError ? err.problem.status : 400)
