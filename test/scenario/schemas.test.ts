// The committed JSON Schemas are what scripts/gen-schemas.ts makes from the zod schemas, and
// they say what the format says: the example weeks pass, an unknown field fails unless it
// starts with "x-". No JSON Schema library is a dependency, so a small checker below covers
// exactly the keywords the generated files use (and fails on any other, so it cannot pass by
// ignoring one).
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SCHEMA_DIR, buildSchemas, schemaText } from '../../scripts/gen-schemas.js'

const EXAMPLES = join(import.meta.dirname, '..', '..', 'db', 'scenarios')
const FILES = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.json'))
  .sort()

type Schema = Record<string, unknown>
const ANNOTATIONS = new Set(['$schema', '$id', 'title', 'description'])
const KNOWN = new Set([
  ...ANNOTATIONS,
  'type',
  'properties',
  'required',
  'additionalProperties',
  'patternProperties',
  'propertyNames',
  'items',
  'enum',
  'const',
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'minItems',
  'maxItems',
])

function typeOf(v: unknown): string {
  if (Array.isArray(v)) return 'array'
  if (v === null) return 'null'
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number'
  return typeof v
}

/** Paths (as the service writes them) where `value` breaks `schema`. */
function check(schema: Schema | boolean, value: unknown, path = ''): string[] {
  if (schema === true) return []
  if (schema === false) return [path]
  for (const key of Object.keys(schema)) if (!KNOWN.has(key)) throw new Error(`checker does not know keyword ${key}`)
  const bad: string[] = []
  const s = schema as Record<string, any>
  const t = typeOf(value)
  if (s.type !== undefined && !(s.type === t || (s.type === 'number' && t === 'integer'))) return [path]
  if (s.const !== undefined && value !== s.const) bad.push(path)
  if (s.enum !== undefined && !s.enum.includes(value)) bad.push(path)
  if (typeof value === 'string') {
    if (s.pattern !== undefined && !new RegExp(s.pattern, 'u').test(value)) bad.push(path)
    if (s.minLength !== undefined && value.length < s.minLength) bad.push(path)
    if (s.maxLength !== undefined && value.length > s.maxLength) bad.push(path)
  }
  if (typeof value === 'number') {
    if (s.minimum !== undefined && value < s.minimum) bad.push(path)
    if (s.maximum !== undefined && value > s.maximum) bad.push(path)
    if (s.exclusiveMinimum !== undefined && value <= s.exclusiveMinimum) bad.push(path)
  }
  if (Array.isArray(value)) {
    if (s.minItems !== undefined && value.length < s.minItems) bad.push(path)
    if (s.maxItems !== undefined && value.length > s.maxItems) bad.push(path)
    if (s.items !== undefined)
      value.forEach((item, i) => {
        bad.push(...check(s.items, item, `${path}[${i}]`))
      })
  }
  if (t === 'object') {
    const obj = value as Record<string, unknown>
    const at = (key: string) => (path === '' ? key : `${path}.${key}`)
    for (const key of s.required ?? []) if (!(key in obj)) bad.push(at(key))
    for (const [key, v] of Object.entries(obj)) {
      if (s.propertyNames !== undefined) bad.push(...check(s.propertyNames, key, at(key)))
      if (s.properties?.[key] !== undefined) {
        bad.push(...check(s.properties[key], v, at(key)))
        continue
      }
      const patterns = Object.entries((s.patternProperties ?? {}) as Record<string, Schema>).filter(([p]) => new RegExp(p, 'u').test(key))
      if (patterns.length > 0) for (const [, p] of patterns) bad.push(...check(p, v, at(key)))
      else if (s.additionalProperties !== undefined) bad.push(...check(s.additionalProperties as Schema | boolean, v, at(key)))
    }
  }
  return bad
}

const committed = (name: string) => readFileSync(join(SCHEMA_DIR, name), 'utf8')

describe('JSON Schemas of scenario@1 and rota@1', () => {
  it('are committed exactly as scripts/gen-schemas.ts generates them (npm run gen:schemas)', () => {
    for (const [name, schema] of Object.entries(buildSchemas())) expect(committed(name)).toBe(schemaText(schema))
  })

  const scenario = JSON.parse(committed('scenario.schema.json')) as Schema
  const rota = JSON.parse(committed('rota.schema.json')) as Schema

  it.each(FILES)('accept the example week %s', (file) => {
    expect(check(scenario, JSON.parse(readFileSync(join(EXAMPLES, file), 'utf8')))).toEqual([])
  })

  it('reject unknown fields at any depth but keep x- fields', () => {
    const sc = JSON.parse(readFileSync(join(EXAMPLES, 'primary.json'), 'utf8'))
    sc.staff[1].colour = 'blue'
    sc.staff[2].commitments = [{ day: 'mon', start: '09:00', end: '10:00', lable: 'typo' }]
    sc['x-note'] = 'kept'
    sc.staff[0]['x-payroll'] = 123
    sc.slots[0].end = '25:00'
    expect(check(scenario, sc).sort()).toEqual(['slots[0].end', 'staff[1].colour', 'staff[2].commitments[0].lable'])
  })

  it('describe a rota, with free-form stats', () => {
    const r = {
      format: 'duty-rota/rota@1',
      assignments: [
        { staff: 's01', duty: 'yard', date: '2026-11-23', slot: 'break' },
        { staff: 's02', duty: 'eve', date: '2026-11-25' },
      ],
      unfilled: [{ duty: 'yard', date: '2026-11-24', slot: 'break', missing: 1, reason: 'no first aider free' }],
      stats: { seconds: 0.4, nested: { anything: true } },
    }
    expect(check(rota, r)).toEqual([])
    expect(check(rota, { ...r, unfilled: [{ ...r.unfilled[0], missing: 0 }] })).toEqual(['unfilled[0].missing'])
  })
})
