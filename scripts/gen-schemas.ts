// Writes the JSON Schemas of duty-rota/scenario@1 and duty-rota/rota@1 from the zod schemas
// in solver/scenario.ts, so the published schemas cannot drift from what the service accepts:
// test/scenario/schemas.test.ts fails when the committed files differ from a fresh run.
// Run: npm run gen:schemas
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { z } from 'zod'
import { ROTA_FORMAT, SCENARIO_FORMAT, rotaSchema, scenarioSchema } from '../solver/scenario.js'

export const SCHEMA_DIR = join(import.meta.dirname, '..', 'solver', 'schemas')

type JsonSchema = { [key: string]: unknown }

const CROSS_FIELD =
  'Rules between fields (unique ids, references to other lists, dates inside the week, end after start, ' +
  'skill seats within the people needed, real calendar dates) are checked by the service as well; ' +
  'it answers one error per bad path.'

/**
 * The format forbids unknown fields except "x-" ones. Zod expresses that with a catch-all plus
 * a refinement, which JSON Schema cannot see, so every object with named properties is closed
 * here and given the x- exception. Records (skill seats, patterns, stats) have no named
 * properties and keep their own rules.
 */
function closeObjects(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(closeObjects)
  if (node === null || typeof node !== 'object') return node
  const out: JsonSchema = {}
  for (const [key, value] of Object.entries(node)) out[key] = closeObjects(value)
  if (out.type === 'object' && out.properties !== undefined) {
    out.additionalProperties = false
    out.patternProperties = { '^x-': {} }
  }
  return out
}

function build(schema: z.ZodType, format: string, file: string, title: string): JsonSchema {
  const generated = closeObjects(z.toJSONSchema(schema, { target: 'draft-2020-12' })) as JsonSchema
  const { $schema, ...rest } = generated
  return {
    $schema,
    $id: `https://duty-rota.dev/schemas/${file}`,
    title,
    description: `${format}. ${CROSS_FIELD}`,
    ...rest,
  }
}

export function buildSchemas(): { 'scenario.schema.json': JsonSchema; 'rota.schema.json': JsonSchema } {
  return {
    'scenario.schema.json': build(scenarioSchema, SCENARIO_FORMAT, 'scenario.json', 'Duty Rota scenario: one school week to plan'),
    'rota.schema.json': build(rotaSchema, ROTA_FORMAT, 'rota.json', 'Duty Rota rota: who does what in one week, and what stayed unfilled'),
  }
}

/** The exact text committed, so the test can compare bytes. */
export function schemaText(schema: JsonSchema): string {
  return `${JSON.stringify(schema, null, 2)}\n`
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const [name, schema] of Object.entries(buildSchemas())) {
    writeFileSync(join(SCHEMA_DIR, name), schemaText(schema))
    console.log(`wrote solver/schemas/${name}`)
  }
}
