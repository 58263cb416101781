// The dependency rules of docs/architecture.md, checked in `npm test` (npm run lint:deps).
const FEATURES = '^src/(auth|home|schools|setup|week|swaps|offers|notifications|leave|jobs|scenario|ledgers|calendar|me|manager)/'
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'An import cycle means two modules are one: merge them or move what both need down a layer.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'platform-imports-no-feature',
      comment: 'src/platform is what every feature stands on; it may use db/ and solver/, never a feature or ui.',
      severity: 'error',
      from: { path: '^src/platform/' },
      to: { path: `${FEATURES}|^src/ui/|^src/(app|node|worker)\\.ts` },
    },
    {
      name: 'ui-imports-no-feature',
      comment: 'src/ui is drawing only: layout pieces, tables, charts, QR codes, dates.',
      severity: 'error',
      from: { path: '^src/ui/' },
      to: { path: `${FEATURES}|^db/` },
    },
    {
      name: 'solver-imports-nothing-of-the-service',
      comment: 'The solver is pure: scenario in, rota out. It never sees the database or HTTP.',
      severity: 'error',
      from: { path: '^solver/' },
      to: { path: '^(src|db)/' },
    },
    {
      name: 'db-imports-nothing-of-the-service',
      comment: 'db/ is the schema, the migrations and the stores; it knows neither the service nor the solver.',
      severity: 'error',
      from: { path: '^db/' },
      to: { path: '^(src|solver)/' },
    },
    {
      name: 'routes-and-pages-never-query-the-database',
      comment: 'Routes and page handlers validate, authorise and call a use case; the use case reads and writes.',
      severity: 'error',
      from: { path: ['\\.routes\\.ts$', '^src/manager/'] },
      to: { path: ['^db/', 'node_modules/kysely/'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'the-worker-never-reaches-node-only-code',
      comment: 'Workers have no threads, no SMTP sockets of Node and no zlib streams: those stay behind src/node.ts.',
      severity: 'error',
      from: { path: '^src/worker\\.ts$' },
      to: { path: ['node_modules/(tinypool|nodemailer)/', '^src/jobs/pool-runner\\.ts$', '^src/platform/http/compression\\.ts$'], reachable: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
  },
}
