// What the Cover and Events page handlers share when they write: a code made for the manager
// who typed none, a save guarded by the version the form was read at, the two versions of a
// stale save side by side, and a CSV file's problems as lines of the file.
import { ProblemError } from '../platform/http/problem.js'
import type { LineProblem } from '../setup/paste-problems.js'
import type { FormValues } from './form-readers.js'
import type { FormState } from '../ui/form-fields.js'
import type { ConflictRow } from './views/work-conflict.js'

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

export const isStale = (err: unknown) => err instanceof ProblemError && err.problem.status === 412

export type Saved<T> = { ok: true; value: T } | { ok: false; error: ProblemError; now?: T | undefined }

/**
 * One guarded save. `seen` is the version the form was read at (a form without one is taken as
 * stale: version 0 never matches). A refusal comes back with the thing as it is now, so a stale
 * save can show both; `now` is missing when it no longer exists.
 */
export async function saveGuarded<T>(load: () => Promise<T>, save: (before: T, ifMatch: string) => Promise<T>, seen: number | undefined): Promise<Saved<T>> {
  const attempt = async (): Promise<Saved<T>> => {
    const before = await load()
    try {
      return { ok: true, value: await save(before, `"${seen ?? 0}"`) }
    } catch (error) {
      if (!(error instanceof ProblemError)) throw error
      return { ok: false, error, now: isStale(error) ? await load() : before }
    }
  }
  try {
    return await attempt()
  } catch (error) {
    if (!(error instanceof ProblemError)) throw error
    return { ok: false, error }
  }
}

/** Saved and typed values, field by field, as a stale save shows them. */
export function conflictRows(
  labels: Record<string, string>,
  fields: readonly string[],
  saved: FormValues,
  yours: FormValues,
  show: (field: string, value: string) => string = (_f, v) => v,
): ConflictRow[] {
  const one = (values: FormValues, f: string) => {
    const v = values[f]
    const s = (Array.isArray(v) ? v[0] : v)?.trim() ?? ''
    return s === '' ? '–' : show(f, s)
  }
  return fields.map((f) => ({ label: labels[f] ?? f, saved: one(saved, f), yours: one(yours, f) }))
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

/** How an edit page is drawn again: as typed after a refusal, at the version to save over, and after a stale save with both versions. */
export interface EditView {
  form?: FormState
  version?: number | undefined
  /** a stale save: what is saved now and what was typed */
  conflict?: { saved: FormValues; yours: FormValues }
  status?: number
}
