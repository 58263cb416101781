// `npm start`: the API on Node with an embedded SQLite file, migrated and seeded on first start.
import { mkdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { serve } from '@hono/node-server'
import { Clock } from '@js-joda/core'
import { migrateSqlite } from '../db/migrate.js'
import { openSqliteStore } from '../db/sqlite.js'
import { createApp } from './app.js'
import { ensureDemoSchool } from './services/demo.js'
import { newId } from './ids.js'

const DEMO_SCENARIO = join(import.meta.dirname, '..', 'db', 'scenarios', 'primary.json')

const port = Number(process.env.PORT ?? 8787)
if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got ${process.env.PORT}`)
const dataDir = resolve(process.env.DATA_DIR ?? 'data')
mkdirSync(dataDir, { recursive: true })
const dbFile = join(dataDir, 'duty-rota.sqlite')

const store = openSqliteStore(dbFile)
const applied = migrateSqlite(store.sqlite)
if (applied.length > 0) console.log(`Database ${dbFile}: applied ${applied.join(', ')}`)

const clock = Clock.systemUTC()
const demo = await ensureDemoSchool({ store, clock, newId, actor: 'system' }, JSON.parse(readFileSync(DEMO_SCENARIO, 'utf8')))
if (demo?.created) console.log(`Loaded the demo school "${demo.name}" from db/scenarios/primary.json`)

const app = createApp({ store, clock, newId })
const server = serve({ fetch: app.fetch, port }, (info) => {
  const url = `http://localhost:${info.port}`
  console.log(`Duty Rota is running: open ${url}/api/schools`)
  if (demo) console.log(`Demo school: ${url}/api/schools/${demo.schoolId}  (staff: ${url}/api/schools/${demo.schoolId}/staff)`)
  console.log('Press Ctrl+C to stop.')
})

function shutdown(signal: string) {
  console.log(`\n${signal}: stopping`)
  server.close(() => {
    void store.close().then(() => process.exit(0))
  })
  // Keep-alive connections can hold close() open; do not hang the terminal over them.
  setTimeout(() => process.exit(0), 3000).unref()
}
process.on('SIGINT', () => shutdown('SIGINT'))
process.on('SIGTERM', () => shutdown('SIGTERM'))
