// Accounts for tests, written as SQL statements so that SQLite runs them through the store and
// D1 (under wrangler dev) through `wrangler d1 execute --file`. Sign-in link tokens are known
// to the test and stored, as always, only as digests.
import { DummyDriver, Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler, type CompiledQuery } from 'kysely'
import type { Database } from '../../db/schema.js'
import { inlineParameters } from '../../scripts/admin.js'
import { hashToken, newToken } from '../../src/platform/tokens.js'

/** Builds statements without a database, for either runtime. */
export const compiler = new Kysely<Database>({
  dialect: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  },
})

const CREATED = '2026-09-01T00:00:00.000Z'
const NEVER_EXPIRES = '2999-01-01T00:00:00.000Z'

export interface SeededUser {
  statements: CompiledQuery[]
  /** the clear sign-in link token to POST to /auth/callback */
  link: string
}

/** A user with an unused sign-in link that does not expire, and the memberships given. */
export async function seedUser(
  id: string,
  email: string,
  name: string,
  memberships: { role: 'trust_admin' | 'manager'; organisationId?: string; schoolId?: string }[] = [],
): Promise<SeededUser> {
  const link = newToken()
  const statements = [
    compiler.insertInto('users').values({ id, email, name, created_at: CREATED }).compile(),
    ...memberships.map((m, i) =>
      compiler
        .insertInto('memberships')
        .values({
          id: `mbr_${id}_${i}`,
          user_id: id,
          role: m.role,
          organisation_id: m.organisationId ?? null,
          school_id: m.schoolId ?? null,
          staff_id: null,
          created_at: CREATED,
        })
        .compile(),
    ),
    compiler
      .insertInto('signin_links')
      .values({ id: `sil_${id}`, user_id: id, token_hash: await hashToken(link), created_at: CREATED, expires_at: NEVER_EXPIRES })
      .compile(),
  ]
  return { statements, link }
}

/** One SQL script for `wrangler d1 execute --file`. */
export function toSqlScript(statements: readonly CompiledQuery[]): string {
  return statements.map((q) => `${inlineParameters(q)};`).join('\n')
}

/** Signs in with a link token over HTTP and returns the Cookie header value. */
export async function signInWith(fetchFn: (path: string, init?: RequestInit) => Promise<Response>, origin: string, link: string): Promise<string> {
  const res = await fetchFn('/auth/callback', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ token: link }),
  })
  const m = /__Host-session=([^;,]*)/.exec(res.headers.get('set-cookie') ?? '')
  if (res.status !== 200 || !m) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`)
  return `__Host-session=${m[1]}`
}
