// A week's rotas as stored: reading a draft or the published one back in the rota@1 shape,
// the statements that store a new draft, and the per-person difference between two rotas.
//
// Versions: every rota of a week takes the next number of one counter per week (unique index
// rota_version_per_week), and publishing or approving a swap moves the published row to the
// next number too. The highest number of the week is the week's version, its ETag: any change
// to the week (a new draft, a publish, a swap) makes every older ETag stale.
import { sql, type CompiledQuery } from 'kysely'
import { z } from 'zod'
import type { Store } from '../../db/store.js'
import { chunkRows } from '../../db/store.js'
import type { Assignment, Rota, Unfilled } from '../../solver/scenario.js'
import { ROTA_FORMAT } from '../../solver/scenario.js'
import type { WriteContext } from '../platform/deps.js'
import { nowIso } from '../platform/audit.js'
import { compare } from '../scenario/load.js'
import { assignmentRow, insertAssignments } from './week-rows.js'

export type RotaStatus = 'draft' | 'published' | 'superseded'

/** One assignment as stored: the staff member by id, work and slot by the school's codes. */
export interface Placed {
  staffId: string
  work: string
  date: string
  slot: string | null
}

export interface StoredRota {
  id: string
  week: string
  version: number
  status: RotaStatus
  createdAt: string
  publishedAt: string | null
  /** solver figures and where the rota came from (generate, re-plan, import) */
  stats: Record<string, unknown>
  assignments: Placed[]
  unfilled: Unfilled[]
}

export interface WeekRotas {
  published: StoredRota | undefined
  /** The newest draft, if it is newer than the published rota (an older one can no longer be published). */
  draft: StoredRota | undefined
  /** The week's version (0 before any rota): the ETag that a publish must send back. */
  version: number
}

export const placedKey = (a: Placed): string => `${a.staffId}|${a.work}|${a.date}|${a.slot ?? ''}`

export function byPlaced(a: Placed, b: Placed): number {
  return compare(a.date, b.date) || compare(a.slot ?? '', b.slot ?? '') || compare(a.work, b.work) || compare(a.staffId, b.staffId)
}

export async function loadWeekRotas(store: Store, schoolId: string, week: string): Promise<WeekRotas> {
  const rows = await store.db
    .selectFrom('rotas')
    .selectAll()
    .where('school_id', '=', schoolId)
    .where('week', '=', week)
    .where('status', 'in', ['draft', 'published'])
    .execute()
  const version = await weekVersion(store, schoolId, week)
  const publishedRow = rows.find((r) => r.status === 'published')
  const draftRow = rows
    .filter((r) => r.status === 'draft' && (publishedRow === undefined || r.version > publishedRow.version))
    .sort((a, b) => b.version - a.version)[0]
  return {
    published: publishedRow ? await readRota(store, publishedRow) : undefined,
    draft: draftRow ? await readRota(store, draftRow) : undefined,
    version,
  }
}

export async function weekVersion(store: Store, schoolId: string, week: string): Promise<number> {
  const row = await store.db
    .selectFrom('rotas')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('school_id', '=', schoolId)
    .where('week', '=', week)
    .executeTakeFirst()
  return Number(row?.v ?? 0)
}

interface RotaRow {
  id: string
  week: string
  version: number
  status: RotaStatus
  created_at: string
  published_at: string | null
  stats: string
}

async function readRota(store: Store, row: RotaRow): Promise<StoredRota> {
  const [assignments, unfilled] = await Promise.all([
    store.db.selectFrom('rota_assignments').select(['staff_id', 'work_code', 'date', 'slot_code']).where('rota_id', '=', row.id).execute(),
    store.db.selectFrom('rota_unfilled').select(['work_code', 'date', 'slot_code', 'missing', 'reason']).where('rota_id', '=', row.id).execute(),
  ])
  return {
    id: row.id,
    week: row.week,
    version: row.version,
    status: row.status,
    createdAt: row.created_at,
    publishedAt: row.published_at,
    stats: readStats(row.stats),
    assignments: assignments.map((a) => ({ staffId: a.staff_id, work: a.work_code, date: a.date, slot: a.slot_code })).sort(byPlaced),
    unfilled: unfilled
      .map((u): Unfilled => ({ duty: u.work_code, date: u.date, ...(u.slot_code === null ? {} : { slot: u.slot_code }), missing: u.missing, reason: u.reason }))
      .sort((a, b) => compare(a.date, b.date) || compare(a.slot ?? '', b.slot ?? '') || compare(a.duty, b.duty)),
  }
}

const statsColumn = z.record(z.string(), z.unknown())

/** Our own JSON; a row that is not an object is a bug in a write, so it fails loudly. */
function readStats(text: string): Record<string, unknown> {
  return statsColumn.parse(JSON.parse(text))
}

/** The rota@1 file of a stored rota, with staff codes for ids, as the solver and CLI speak it. */
export function rotaFile(rota: StoredRota, codeOf: ReadonlyMap<string, string>): Rota {
  return {
    format: ROTA_FORMAT,
    assignments: rota.assignments.map((a) => assignmentOf(a, codeOf)),
    unfilled: rota.unfilled,
    stats: rota.stats,
  }
}

export function assignmentOf(a: Placed, codeOf: ReadonlyMap<string, string>): Assignment {
  return { staff: codeOf.get(a.staffId) ?? a.staffId, duty: a.work, date: a.date, ...(a.slot === null ? {} : { slot: a.slot }) }
}

export interface NewRota {
  id: string
  schoolId: string
  week: string
  status: 'draft'
  stats: Record<string, unknown>
  assignments: Placed[]
  unfilled: Unfilled[]
}

/**
 * Stores a draft. Its version is computed inside the write (the week's highest plus one), so
 * two generates at once cannot take the same number; older drafts of the week are dropped in
 * the same write, after the new number has been taken, so a number is never handed out twice.
 */
export function insertDraftStatements(ctx: WriteContext, rota: NewRota): CompiledQuery[] {
  const db = ctx.store.db
  const now = nowIso(ctx)
  const out: CompiledQuery[] = [
    db
      .insertInto('rotas')
      .values({
        id: rota.id,
        school_id: rota.schoolId,
        week: rota.week,
        version: sql<number>`(SELECT COALESCE(MAX(version), 0) + 1 FROM rotas WHERE school_id = ${rota.schoolId} AND week = ${rota.week})`,
        status: rota.status,
        stats: JSON.stringify(rota.stats),
        created_at: now,
        published_at: null,
      })
      .compile(),
    db
      .deleteFrom('rotas')
      .where('school_id', '=', rota.schoolId)
      .where('week', '=', rota.week)
      .where('status', '=', 'draft')
      .where('id', '!=', rota.id)
      .compile(),
  ]
  out.push(
    ...insertAssignments(
      db,
      rota.assignments.map((a) => assignmentRow(rota.id, ctx.newId('ras'), a)),
    ),
  )
  for (const chunk of chunkRows(rota.unfilled, 6)) {
    out.push(
      db
        .insertInto('rota_unfilled')
        .values(chunk.map((u) => ({ rota_id: rota.id, work_code: u.duty, date: u.date, slot_code: u.slot ?? null, missing: u.missing, reason: u.reason })))
        .compile(),
    )
  }
  return out
}

/** What changes for one person between two rotas of a week. */
export interface PersonChange {
  staffId: string
  staff: string
  removed: Assignment[]
  added: Assignment[]
}

export interface RotaDiff {
  /** assignments of the first rota that the second no longer has (the solver's "changes") */
  removed: number
  added: number
  people: PersonChange[]
}

export function diffRotas(before: readonly Placed[], after: readonly Placed[], codeOf: ReadonlyMap<string, string>): RotaDiff {
  const had = new Set(before.map(placedKey))
  const has = new Set(after.map(placedKey))
  const byPerson = new Map<string, PersonChange>()
  const entry = (staffId: string): PersonChange => {
    let e = byPerson.get(staffId)
    if (!e) {
      e = { staffId, staff: codeOf.get(staffId) ?? staffId, removed: [], added: [] }
      byPerson.set(staffId, e)
    }
    return e
  }
  let removed = 0
  let added = 0
  for (const a of [...before].sort(byPlaced)) {
    if (has.has(placedKey(a))) continue
    entry(a.staffId).removed.push(assignmentOf(a, codeOf))
    removed++
  }
  for (const a of [...after].sort(byPlaced)) {
    if (had.has(placedKey(a))) continue
    entry(a.staffId).added.push(assignmentOf(a, codeOf))
    added++
  }
  return { removed, added, people: [...byPerson.values()].sort((a, b) => compare(a.staff, b.staff)) }
}

/** Staff id -> code for a school (deleted staff drop out of rotas through ON DELETE CASCADE). */
export async function staffCodes(store: Store, schoolId: string): Promise<Map<string, string>> {
  const rows = await store.db.selectFrom('staff').select(['id', 'code']).where('school_id', '=', schoolId).execute()
  return new Map(rows.map((r) => [r.id, r.code]))
}

/**
 * How many times the week has been published: the manager's "Publication 3". Every publish
 * stamps its rota with published_at and the rotas it replaced stay (superseded), so the count
 * never goes back, unlike the version, which drafts and swaps move too.
 */
export async function publicationCount(store: Store, schoolId: string, week: string): Promise<number> {
  const row = await store.db
    .selectFrom('rotas')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('school_id', '=', schoolId)
    .where('week', '=', week)
    .where('published_at', 'is not', null)
    .executeTakeFirst()
  return Number(row?.n ?? 0)
}
