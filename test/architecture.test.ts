// The layering of DESIGN.md as tests that fail on a breach. dependency-cruiser checks imports
// (platform and solver import no feature, no cycles, routes and pages import no database
// module), and is itself run on a small tree that breaks each rule, so a rule that silently
// stopped matching (a renamed folder, a bad regular expression) fails here too. What imports
// cannot see, a route reaching the database through `c.var.deps.store.db`, the source scan
// below catches. Small modules are a habit this file keeps as well: none over 400 lines.
import { execFile } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { afterAll, describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const CONFIG = join(ROOT, '.dependency-cruiser.cjs')
const DEPCRUISE = join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs')

interface Violation {
  from: string
  to: string
  rule: { name: string; severity: string }
}
interface CruiseResult {
  summary: { violations: Violation[] }
}

/** The CLI, exactly as `npm run lint:deps` runs it; it exits non-zero on violations, so the JSON is read either way. */
function depcruise(cwd: string): Promise<CruiseResult> {
  return new Promise((resolve, reject) => {
    const args = [DEPCRUISE, 'src', 'solver', 'db', '--config', CONFIG, '--output-type', 'json']
    execFile(process.execPath, args, { cwd, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      try {
        resolve(JSON.parse(stdout) as CruiseResult)
      } catch {
        reject(new Error(`depcruise gave no JSON (${err?.message ?? 'no error'}): ${stderr}`))
      }
    })
  })
}

const describeViolation = (v: Violation) => `${v.rule.name}: ${v.from} -> ${v.to}`

describe('dependency rules (.dependency-cruiser.cjs)', () => {
  it('hold for src, solver and db', async () => {
    const result = await depcruise(ROOT)
    expect(result.summary.violations.map(describeViolation)).toEqual([])
  })

  const fixture = mkdtempSync(join(tmpdir(), 'duty-rota-architecture-'))
  afterAll(() => rmSync(fixture, { recursive: true, force: true }))

  it('bite: a tree that breaks each rule once is reported under every rule name', async () => {
    const write = (path: string, text: string) => {
      mkdirSync(dirname(join(fixture, path)), { recursive: true })
      writeFileSync(join(fixture, path), text)
    }
    // The project's own compiler options, so `.js` specifiers resolve to `.ts` files as they do in src.
    const { compilerOptions } = JSON.parse(readFileSync(join(ROOT, 'tsconfig.json'), 'utf8')) as { compilerOptions: Record<string, unknown> }
    delete compilerOptions.types
    write('tsconfig.json', JSON.stringify({ compilerOptions, include: ['src', 'solver', 'db'] }))
    write('db/schema.ts', "export const TABLES = ['staff'] as const\n")
    write('src/week/feature.ts', "export const feature = 'week'\n")
    write('src/week/x.routes.ts', "import { TABLES } from '../../db/schema.js'\nexport const first = TABLES[0]\n")
    write('src/platform/y.ts', "import { feature } from '../week/feature.js'\nexport const y = feature\n")
    write('src/ui/u.ts', "import { feature } from '../week/feature.js'\nexport const u = feature\n")
    write('solver/s.ts', "import { TABLES } from '../db/schema.js'\nexport const s = TABLES.length\n")
    write('db/store.ts', "import { feature } from '../src/week/feature.js'\nexport const store = feature\n")
    write('src/setup/a.ts', 'import { b } from "./b.js"\n' + 'export const a = (): number => b() + 1\n')
    write('src/setup/b.ts', 'import { a } from "./a.js"\n' + 'export const b = (): number => (a.length > 0 ? 0 : 1)\n')
    // The Worker reaching the thread pool through something it imports.
    write('src/jobs/pool-runner.ts', "export const pool = 'threads'\n")
    // (Specifiers spelled from the project root up, so the layout test does not read them as test imports.)
    write('src/jobs/pick.ts', "import { pool } from '../../src/jobs/pool-runner.js'\nexport const pick = pool\n")
    write('src/worker.ts', "import { pick } from '../src/jobs/pick.js'\nexport default pick\n")

    const expected: Record<string, RegExp> = {
      'no-cycles': /^src\/setup\/[ab]\.ts$/,
      'platform-imports-no-feature': /^src\/platform\/y\.ts$/,
      'ui-imports-no-feature': /^src\/ui\/u\.ts$/,
      'solver-imports-nothing-of-the-service': /^solver\/s\.ts$/,
      'db-imports-nothing-of-the-service': /^db\/store\.ts$/,
      'routes-and-pages-never-query-the-database': /^src\/week\/x\.routes\.ts$/,
      'the-worker-never-reaches-node-only-code': /^src\/worker\.ts$/,
    }
    // A rule added to the config needs a breach here too, or it is not known to bite.
    const config = createRequire(import.meta.url)(CONFIG) as { forbidden: { name: string }[] }
    expect(config.forbidden.map((r) => r.name).sort()).toEqual(Object.keys(expected).sort())

    const { violations } = (await depcruise(fixture)).summary
    for (const [rule, from] of Object.entries(expected)) {
      const hits = violations.filter((v) => v.rule.name === rule)
      expect(
        hits.map((v) => v.from),
        `${rule} in ${violations.map(describeViolation).join('; ')}`,
      ).not.toEqual([])
      for (const v of hits) expect(v.from).toMatch(from)
    }
  })
})

/** The source with every comment blanked out (newlines kept), so line numbers stay true. */
function withoutComments(text: string, fileName: string): string {
  const file = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS)
  const chars = [...text]
  const seen = new Set<number>()
  const blank = (ranges: readonly ts.CommentRange[] | undefined) => {
    for (const r of ranges ?? []) {
      if (seen.has(r.pos)) continue
      seen.add(r.pos)
      for (let i = r.pos; i < r.end; i++) if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = ' '
    }
  }
  // getChildren, not forEachChild: a comment can sit before a bare token such as `)` or `}`.
  const visit = (node: ts.Node) => {
    if (node.kind !== ts.SyntaxKind.JsxText) {
      blank(ts.getLeadingCommentRanges(text, node.getFullStart()))
      blank(ts.getTrailingCommentRanges(text, node.getEnd()))
    }
    for (const child of node.getChildren(file)) visit(child)
  }
  visit(file)
  return chars.join('')
}

/** Ways a module reaches the database itself rather than through a use case. */
const DATABASE_ACCESS: readonly { what: string; pattern: RegExp }[] = [
  { what: 'the Kysely handle (.db)', pattern: /\.db\b/ },
  { what: 'the Kysely handle ({ db })', pattern: /\{[^}]*\bdb\b[^}]*\}\s*=/ },
  { what: 'a query builder', pattern: /\.(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)\(/ },
  { what: 'raw SQL', pattern: /\bsql`/ },
  { what: 'an atomic write', pattern: /\.atomic\(/ },
  { what: 'a compiled or executed query', pattern: /\.(compile|execute|executeTakeFirst|executeTakeFirstOrThrow)\(/ },
]

function databaseAccess(text: string, fileName: string): string[] {
  const found: string[] = []
  withoutComments(text, fileName)
    .split('\n')
    .forEach((line, i) => {
      for (const { what, pattern } of DATABASE_ACCESS) if (pattern.test(line)) found.push(`${fileName}:${i + 1}: ${what}: ${line.trim()}`)
    })
  return found
}

/** Every file under a folder of the repository, as repository paths with forward slashes. */
const filesUnder = (folder: string): string[] =>
  readdirSync(join(ROOT, folder), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(ROOT.length).split('\\').join('/').replace(/^\//, ''))
    .sort()

describe('routes and page handlers never query the database', () => {
  const src = filesUnder('src')
  // Page handlers are everything in src/manager but its views, which only draw what they are given.
  const handlers = src.filter((f) => /\.routes\.tsx?$/.test(f) || (f.startsWith('src/manager/') && !f.startsWith('src/manager/views/') && /\.tsx?$/.test(f)))

  it('finds the routes and handlers it means to scan', () => {
    expect(handlers).toContain('src/manager/manager.routes.ts')
    expect(handlers).toContain('src/manager/page-kit.ts')
    expect(handlers).toContain('src/auth/auth.routes.ts')
    expect(handlers.some((f) => f.startsWith('src/manager/views/'))).toBe(false)
  })

  it('in any route or page handler: each query belongs in a use case of its feature', () => {
    const breaches = handlers.flatMap((f) => databaseAccess(readFileSync(join(ROOT, f), 'utf8'), f))
    expect(breaches).toEqual([])
  })

  it('the scan catches a query and ignores one that is only mentioned in a comment', () => {
    const text = [
      "// c.var.deps.store.db.selectFrom('staff') would be wrong here",
      'const done = true /* await ctx.store.atomic([]) */',
      'const row = await c.var.deps.store.db',
      "  .selectFrom('staff')",
      '  /** sql`1` */ .executeTakeFirst()',
      'const { db } = store',
      'const text = sql`SELECT 1`',
    ].join('\n')
    expect(databaseAccess(text, 'src/week/x.routes.ts').map((b) => b.split(': ').slice(0, 2).join(': '))).toEqual([
      'src/week/x.routes.ts:3: the Kysely handle (.db)',
      'src/week/x.routes.ts:4: a query builder',
      'src/week/x.routes.ts:5: a compiled or executed query',
      'src/week/x.routes.ts:6: the Kysely handle ({ db })',
      'src/week/x.routes.ts:7: raw SQL',
    ])
  })
})

describe('small modules', () => {
  const MAX_LINES = 400
  // A file may join this list only with a reason written beside it; none has one today.
  const ALLOWED_OVER: ReadonlySet<string> = new Set<string>([])

  const lineCounts = filesUnder('src').map((f) => {
    const text = readFileSync(join(ROOT, f), 'utf8')
    return { file: f, lines: text.split('\n').length - (text.endsWith('\n') ? 1 : 0) }
  })

  it(`no file in src/ is over ${MAX_LINES} lines`, () => {
    const over = lineCounts.filter((c) => c.lines > MAX_LINES && !ALLOWED_OVER.has(c.file)).map((c) => `${c.file}: ${c.lines} lines`)
    expect(over).toEqual([])
  })

  it('the allow-list names only files that are still over the limit', () => {
    const stale = [...ALLOWED_OVER].filter((f) => !lineCounts.some((c) => c.file === f && c.lines > MAX_LINES))
    expect(stale, 'remove these from ALLOWED_OVER').toEqual([])
  })
})
