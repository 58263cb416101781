// What every part of the import plan shares: the two sides (the database now, the file), the
// ids the file's codes get, and the counts the answer reports.
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import type { Scenario } from '../../solver/scenario.js'
import type { Column, NewRow, Table } from '../platform/insert-rows.js'
import { byKey, syncRows, type SyncSpec, type Synced } from '../platform/sync-rows.js'
import type { WeekState } from './week-state.js'

export const IMPORT_ENTITIES = ['school', 'slots', 'grades', 'staff', 'duties', 'absences', 'cover', 'events', 'closures', 'pins', 'previous'] as const
export type ImportEntity = (typeof IMPORT_ENTITIES)[number]
export type Tally = Record<ImportEntity, number>

export interface ImportCounts {
  created: Tally
  updated: Tally
  removed: Tally
}

/** A setup list's codes to row ids: the existing row's id, or a new one. */
export interface SetupIds {
  slots: Map<string, string>
  grades: Map<string, string>
  staff: Map<string, string>
  duties: Map<string, string>
}

export interface PlanContext {
  db: Kysely<Database>
  state: WeekState
  sc: Scenario
  newId: (prefix: string) => string
  now: string
  counts: ImportCounts
  ids: SetupIds
}

export const tally = (): Tally => Object.fromEntries(IMPORT_ENTITIES.map((e) => [e, 0])) as Tally
export const unique = <T>(list: readonly T[]): T[] => [...new Set(list)]
export const json = (value: unknown): string => JSON.stringify(value)

/** Ids for the wanted keys: a key the database has keeps its row's id, a new key gets a new id, in the order given. */
export function idsFor(existing: readonly { key: string; id: string }[], keys: readonly string[], newId: () => string): Map<string, string> {
  const byKey = new Map(existing.map((row) => [row.key, row.id]))
  return new Map(keys.map((key) => [key, byKey.get(key) ?? newId()]))
}

export function must(ids: ReadonlyMap<string, string>, code: string): string {
  const id = ids.get(code)
  if (id === undefined) throw new Error(`import plan: no id for "${code}"`) // parseScenario checked every reference
  return id
}

function countSync(counts: ImportCounts, entity: ImportEntity, synced: Synced): void {
  counts.created[entity] += synced.created.length
  counts.updated[entity] += synced.changed.length
  counts.removed[entity] += synced.missing.length
}

/** Rows unchanged themselves whose child rows changed count as updated too, once. */
export function countAlsoChanged(counts: ImportCounts, entity: ImportEntity, synced: Synced, keys: Iterable<string>): void {
  const changed = new Set(synced.changed)
  counts.updated[entity] += new Set([...keys].filter((k) => !changed.has(k))).size
}

/** Rows by key: the whole list when the file names it by something other than a code. */
export function syncByKey<T extends Table, C extends Column<T>>(p: PlanContext, entity: ImportEntity, spec: Omit<SyncSpec<T, C>, 'db'>): Synced {
  const synced = syncRows({ ...spec, db: p.db })
  countSync(p.counts, entity, synced)
  return synced
}

/** A list the file names by code: the database's rows and the file's, both through the table's row mapper, synced and counted. */
export function syncByCode<T extends Table, C extends Column<T>>(
  p: PlanContext,
  entity: ImportEntity,
  spec: Pick<SyncSpec<T, C>, 'table' | 'compare' | 'write'> & {
    have: readonly (NewRow<T> & { id: string; code: string })[]
    want: readonly (NewRow<T> & { code: string })[]
  },
): Synced {
  return syncByKey(p, entity, { ...spec, have: byKey(spec.have, (r) => r.code), want: byKey(spec.want, (r) => r.code) })
}
