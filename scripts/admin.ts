// `npm run admin -- <command>`: set up organisations, schools and the people who run them on
// a real deployment: a school's first manager, and trust admins of an existing organisation.
// After that, a school's managers and trust admins add and remove its managers from the pages
// or the API (src/auth/school-managers.routes.ts). The same commands work on the Node SQLite file
// (DATA_DIR) and, with `--d1 <database> [--remote]`, on a D1 database through `wrangler d1
// execute`, because both are reached through the one Store interface.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync } from 'node:fs'
import { userInfo } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { Clock } from '@js-joda/core'
import {
  Kysely,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
} from 'kysely'
import { migrateSqlite } from '../db/migrate.js'
import type { Database } from '../db/schema.js'
import { openSqliteStore } from '../db/sqlite.js'
import type { Store } from '../db/store.js'
import { createSigninLink } from '../src/auth/signin-links.js'
import { ensureUser, findUserByEmail, grant, normaliseEmail, type Grant } from '../src/auth/users.js'
import type { WriteContext } from '../src/platform/deps.js'
import { newId } from '../src/platform/ids.js'
import { createOrganisation } from '../src/schools/organisations.js'
import { newVapidKeys } from '../src/platform/web-push.js'
import { createSchool } from '../src/schools/schools.js'

const USAGE = `Usage: npm run admin -- <command> [options]

Commands:
  create-org          --name <name>
  create-school       --org <organisation id> --name <name> [--timezone Europe/London] [--full-time-hours 37]
  create-manager      --school <school id> --email <email> --name <name>     prints a sign-in link
  create-trust-admin  --org <organisation id> --email <email> --name <name>  prints a sign-in link
  signin-link         --email <email>                                        prints a sign-in link
  list                organisations, schools and people with their roles
  vapid-keys          prints a new Web Push key pair for VAPID_PUBLIC_KEY / VAPID_PRIVATE_KEY

Where:
  (default)           the SQLite file in DATA_DIR (./data/duty-rota.sqlite), migrated if needed
  --d1 <database>     a D1 database through wrangler d1 execute (local unless --remote)
  --remote            with --d1: the deployed database
  --persist-to <dir>  with --d1 and no --remote: the local state directory of wrangler dev
  --origin <url>      where sign-in links point (default PUBLIC_ORIGIN, else http://localhost:PORT)

Sign-in links work once, within 15 minutes.`

// ---------------------------------------------------------------------------------------------
// D1 through wrangler: a Kysely driver that runs each query with `wrangler d1 execute --json`.
// wrangler takes no bound parameters, so values are written into the SQL as literals.

/** A SQL literal for a bound value. SQLite strings have no backslash escapes: doubling ' is all. */
function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL'
  if (typeof value === 'number' || typeof value === 'bigint') return String(value)
  if (typeof value === 'boolean') return value ? '1' : '0'
  if (typeof value === 'string') return `'${value.replace(/'/g, "''")}'`
  throw new Error(`cannot write ${typeof value} into SQL`)
}

/** Replaces each `?` placeholder outside quotes with its value. */
export function inlineParameters(query: CompiledQuery): string {
  const params = query.parameters
  let out = ''
  let next = 0
  let quote: string | undefined
  for (const ch of query.sql) {
    if (quote) {
      if (ch === quote) quote = undefined
      out += ch
    } else if (ch === "'" || ch === '"' || ch === '`') {
      quote = ch
      out += ch
    } else if (ch === '?') {
      if (next >= params.length) throw new Error(`more placeholders than parameters in: ${query.sql}`)
      out += literal(params[next++])
    } else out += ch
  }
  if (next !== params.length) throw new Error(`unused parameters in: ${query.sql}`)
  return out
}

interface WranglerResult {
  results?: Record<string, unknown>[]
  meta?: { changes?: number }
}

interface D1Target {
  database: string
  remote: boolean
  /** with a local database: the directory `wrangler dev --persist-to` uses */
  persistTo?: string | undefined
}

function wranglerExecute(target: D1Target, sql: string): WranglerResult[] {
  const where = target.remote ? ['--remote'] : ['--local', ...(target.persistTo ? ['--persist-to', target.persistTo] : [])]
  const args = ['wrangler', 'd1', 'execute', target.database, ...where, '--json', '--command', sql]
  // The project's own wrangler, pinned in package.json; npx only when it is not installed.
  const local = join(import.meta.dirname, '..', 'node_modules', '.bin', 'wrangler')
  const [cmd, cmdArgs] = existsSync(local) ? [local, args.slice(1)] : ['npx', args]
  const out = execFileSync(cmd, cmdArgs, { encoding: 'utf8', env: { ...process.env, WRANGLER_SEND_METRICS: 'false' }, stdio: ['ignore', 'pipe', 'inherit'] })
  const parsed: unknown = JSON.parse(out)
  return Array.isArray(parsed) ? (parsed as WranglerResult[]) : [parsed as WranglerResult]
}

function openWranglerD1Store(target: D1Target): Store {
  const connection: DatabaseConnection = {
    async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
      const [result] = wranglerExecute(target, inlineParameters(query))
      return { rows: (result?.results ?? []) as R[], numAffectedRows: BigInt(result?.meta?.changes ?? 0) }
    },
    // biome-ignore lint/correctness/useYield: Kysely's driver interface needs a generator; streaming is refused outright
    async *streamQuery() {
      throw new Error('streaming is not supported through wrangler')
    },
  }
  const driver: Driver = {
    async init() {},
    async acquireConnection() {
      return connection
    },
    async beginTransaction() {},
    async commitTransaction() {},
    async rollbackTransaction() {},
    async releaseConnection() {},
    async destroy() {},
  }
  const db = new Kysely<Database>({
    dialect: {
      createAdapter: () => new SqliteAdapter(),
      createDriver: () => driver,
      createIntrospector: (k) => new SqliteIntrospector(k),
      createQueryCompiler: () => new SqliteQueryCompiler(),
    },
  })
  return {
    db,
    // One `wrangler d1 execute` of several statements runs them as one D1 batch.
    async atomic(statements) {
      if (statements.length === 0) return []
      const results = wranglerExecute(target, statements.map(inlineParameters).join(';\n'))
      return statements.map((_, i) => results[i]?.meta?.changes ?? 0)
    },
  }
}

// ---------------------------------------------------------------------------------------------

function required(values: Record<string, string | boolean | undefined>, name: string): string {
  const v = values[name]
  if (typeof v !== 'string' || v.trim() === '') throw new UsageError(`--${name} is required`)
  return v.trim()
}

class UsageError extends Error {}

async function run(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      org: { type: 'string' },
      school: { type: 'string' },
      email: { type: 'string' },
      timezone: { type: 'string' },
      'full-time-hours': { type: 'string' },
      origin: { type: 'string' },
      d1: { type: 'string' },
      remote: { type: 'boolean' },
      'persist-to': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  const command = positionals[0]
  if (!command || values.help) {
    console.log(USAGE)
    return
  }
  if (command === 'vapid-keys') {
    // Needs no database: a key pair for the operator to put in the service's configuration.
    const keys = await newVapidKeys()
    console.log(`VAPID_PUBLIC_KEY=${keys.publicKey}\nVAPID_PRIVATE_KEY=${keys.privateKey}\nVAPID_SUBJECT=mailto:you@your-school.example`)
    return
  }
  const origin = (values.origin ?? process.env.PUBLIC_ORIGIN ?? `http://localhost:${process.env.PORT ?? 8787}`).replace(/\/+$/, '')
  let store: Store
  let close = async () => {}
  if (values.d1) {
    store = openWranglerD1Store({ database: values.d1, remote: values.remote === true, persistTo: values['persist-to'] })
  } else {
    const dataDir = resolve(process.env.DATA_DIR ?? 'data')
    mkdirSync(dataDir, { recursive: true })
    const sqlite = openSqliteStore(join(dataDir, 'duty-rota.sqlite'))
    migrateSqlite(sqlite.sqlite)
    store = sqlite
    close = () => sqlite.close()
  }
  // The audit log names who ran the command on which machine account.
  const ctx: WriteContext = { store, clock: Clock.systemUTC(), newId, actor: `cli:${userInfo().username}` }
  try {
    switch (command) {
      case 'create-org': {
        const org = await createOrganisation(ctx, { name: required(values, 'name') })
        console.log(`Organisation "${org.name}": ${org.id}`)
        break
      }
      case 'create-school': {
        const hours = Number(values['full-time-hours'] ?? 37)
        if (!Number.isFinite(hours) || hours <= 0) throw new UsageError('--full-time-hours must be a positive number')
        const school = await createSchool(ctx, {
          organisationId: required(values, 'org'),
          name: required(values, 'name'),
          timezone: values.timezone ?? 'Europe/London',
          fullTimeHours: hours,
        })
        console.log(`School "${school.name}": ${school.id}`)
        break
      }
      case 'create-manager':
      case 'create-trust-admin': {
        const email = required(values, 'email')
        const name = required(values, 'name')
        // Check where the role points before creating anyone, so a typo leaves nothing behind.
        let role: Grant
        if (command === 'create-manager') {
          const schoolId = required(values, 'school')
          const school = await store.db.selectFrom('schools').select('id').where('id', '=', schoolId).executeTakeFirst()
          if (!school) throw new UsageError(`no school with id ${schoolId}`)
          role = { role: 'manager', schoolId }
        } else {
          const organisationId = required(values, 'org')
          const org = await store.db.selectFrom('organisations').select('id').where('id', '=', organisationId).executeTakeFirst()
          if (!org) throw new UsageError(`no organisation with id ${organisationId}`)
          role = { role: 'trust_admin', organisationId }
        }
        const user = await ensureUser(ctx, email, name)
        await grant(ctx, user.id, role)
        console.log(`${user.created ? 'Created' : 'Updated'} ${normaliseEmail(email)}. One-time sign-in link (15 minutes):`)
        console.log(await createSigninLink(ctx, user.id, origin))
        break
      }
      case 'signin-link': {
        const user = await findUserByEmail(ctx, required(values, 'email'))
        if (!user) throw new UsageError(`no user with email ${values.email}`)
        console.log(await createSigninLink(ctx, user.id, origin))
        break
      }
      case 'list': {
        const orgs = await store.db.selectFrom('organisations').select(['id', 'name']).orderBy('name').execute()
        const schools = await store.db.selectFrom('schools').select(['id', 'name', 'organisation_id']).orderBy('name').execute()
        for (const o of orgs) {
          console.log(`${o.id}  ${o.name}`)
          for (const s of schools.filter((x) => x.organisation_id === o.id)) console.log(`  ${s.id}  ${s.name}`)
        }
        const people = await store.db
          .selectFrom('memberships')
          .innerJoin('users', 'users.id', 'memberships.user_id')
          .select(['users.email', 'users.name', 'memberships.role', 'memberships.organisation_id', 'memberships.school_id'])
          .orderBy('users.email')
          .execute()
        for (const p of people) console.log(`${p.email} (${p.name}): ${p.role} of ${p.organisation_id ?? p.school_id}`)
        break
      }
      default:
        throw new UsageError(`unknown command ${command}`)
    }
  } finally {
    await close()
  }
}

/** Runs the CLI; exported so tests drive the same code without a child process. */
export async function main(argv: string[]): Promise<number> {
  try {
    await run(argv)
    return 0
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`${err.message}\n\n${USAGE}`)
      return 2
    }
    const problem = (err as { problem?: { detail?: string; title?: string } }).problem
    console.error(problem ? `${problem.title}${problem.detail ? `: ${problem.detail}` : ''}` : err)
    return 1
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exit(await main(process.argv.slice(2)))
