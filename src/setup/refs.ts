// Resources refer to each other by opaque id or by the school's own code ("G4", "lunch1"),
// whichever the client has; both resolve only within the same school. Cover request and event
// codes ("c1", "parents-eve") are the school's own only within one week (the Monday of their
// date): a code means nothing without the week it is looked up in.
import type { Store } from '../../db/store.js'
import { conflict, fieldError, invalid, ProblemError, type FieldError } from '../platform/http/problem.js'
import { mondayOf } from '../ledgers/periods.js'

export type CodedTable = 'grades' | 'slots' | 'staff' | 'duty_posts'
export type WeeklyCodedTable = 'cover_requests' | 'events'

export interface Ref {
  id: string
  code: string
}

const LABEL: Record<CodedTable | WeeklyCodedTable, string> = {
  grades: 'grade',
  slots: 'slot',
  staff: 'staff member',
  duty_posts: 'duty post',
  cover_requests: 'cover request',
  events: 'event',
}

/** Finds each reference by id or code; every one that matches nothing is a bad field at its path. */
export async function resolveRefs(
  store: Store,
  table: CodedTable,
  schoolId: string,
  refs: readonly { ref: string; path: readonly PropertyKey[] }[],
): Promise<Ref[]> {
  const wanted = [...new Set(refs.map((r) => r.ref))]
  const found = new Map<string, Ref>()
  // Two parameters per reference plus the school: stay under D1's 100 bound parameters.
  for (let i = 0; i < wanted.length; i += 45) {
    const chunk = wanted.slice(i, i + 45)
    const rows = await store.db
      .selectFrom(table)
      .select(['id', 'code'])
      .where('school_id', '=', schoolId)
      .where((eb) => eb.or([eb('id', 'in', chunk), eb('code', 'in', chunk)]))
      .execute()
    for (const row of rows) {
      found.set(row.id, row)
      found.set(row.code, row)
    }
  }
  const errors: FieldError[] = []
  const resolved: Ref[] = []
  for (const { ref, path } of refs) {
    const hit = found.get(ref)
    if (hit) resolved.push(hit)
    else errors.push(fieldError(path, `no ${LABEL[table]} with id or code "${ref}" in this school`))
  }
  if (errors.length > 0) throw invalid(errors)
  return resolved
}

export async function resolveRef(store: Store, table: CodedTable, schoolId: string, ref: string, path: readonly PropertyKey[]): Promise<Ref> {
  const [hit] = await resolveRefs(store, table, schoolId, [{ ref, path }])
  if (!hit) throw invalid([fieldError(path, `no ${LABEL[table]} "${ref}"`)])
  return hit
}

/** A second resource with the same code would make scenario files ambiguous. */
export async function ensureCodeFree(store: Store, table: CodedTable, schoolId: string, code: string, exceptId?: string): Promise<void> {
  let q = store.db.selectFrom(table).select('id').where('school_id', '=', schoolId).where('code', '=', code)
  if (exceptId !== undefined) q = q.where('id', '!=', exceptId)
  if (await q.executeTakeFirst()) {
    throw conflict(`another ${LABEL[table]} in this school already has code "${code}"`)
  }
}

/**
 * A rota names work by code alone: duty post codes are the school's, cover request and event
 * codes their week's, and within a week one code must name one piece of work. Says which other
 * kind of work (not `kind` itself, whose own clashes its caller checks) already has `code`:
 * in `week` when given, otherwise in any week. The scenario format checks the same inside one
 * file (parseScenario), and the cover CSV import against the database in bulk (cover-csv.ts).
 */
export async function workCodeHolder(store: Store, schoolId: string, kind: WorkTable, code: string, week?: string): Promise<string | undefined> {
  const weekly = async (t: WeeklyCodedTable) => {
    if (t === kind) return undefined
    let q = store.db.selectFrom(t).select('week').where('school_id', '=', schoolId).where('code', '=', code)
    if (week !== undefined) q = q.where('week', '=', week)
    const row = await q.orderBy('week').executeTakeFirst()
    return row && `${t === 'events' ? 'an' : 'a'} ${LABEL[t]} in the week of ${row.week}`
  }
  const post = async () => {
    if (kind === 'duty_posts') return undefined
    const row = await store.db.selectFrom('duty_posts').select('id').where('school_id', '=', schoolId).where('code', '=', code).executeTakeFirst()
    return row && `duty post "${code}"`
  }
  const holders = await Promise.all([post(), weekly('cover_requests'), weekly('events')])
  return holders.find((h) => h !== undefined)
}

type WorkTable = 'duty_posts' | WeeklyCodedTable

/** workCodeHolder as a 409 naming the `code` field. */
export async function ensureWorkCodeFree(store: Store, schoolId: string, kind: WorkTable, code: string, week?: string): Promise<void> {
  const holder = await workCodeHolder(store, schoolId, kind, code, week)
  if (holder === undefined) return
  const detail = holder.startsWith('duty post')
    ? `${holder} already has this code: give the ${LABEL[kind]} its own`
    : `${holder} already has code "${code}"${kind === 'duty_posts' ? ": a duty post's code names it in every week" : ''}`
  throw new ProblemError('conflict', detail, [fieldError(['code'], detail)])
}

/**
 * The same for cover requests and events, whose codes are unique within a week: another row
 * with this code in the week of `date` is a 409 naming the field at fault. That is `date` when
 * an update keeps its code but moves into a week where the code is taken, otherwise `code`.
 */
export async function ensureCodeFreeInWeek(
  store: Store,
  table: WeeklyCodedTable,
  schoolId: string,
  wanted: { code: string; date: string },
  before?: { id: string; code: string; date: string },
): Promise<void> {
  const week = mondayOf(wanted.date)
  let q = store.db.selectFrom(table).select('id').where('school_id', '=', schoolId).where('week', '=', week).where('code', '=', wanted.code)
  if (before !== undefined) q = q.where('id', '!=', before.id)
  await ensureWorkCodeFree(store, schoolId, table, wanted.code, week)
  if (!(await q.executeTakeFirst())) return
  const movedWeek = before !== undefined && before.code === wanted.code && mondayOf(before.date) !== week
  const detail = `another ${LABEL[table]} in the week of ${week} already has code "${wanted.code}"`
  throw new ProblemError('conflict', detail, [fieldError([movedWeek ? 'date' : 'code'], detail)])
}
