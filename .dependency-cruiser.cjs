/** Layering rules of DESIGN.md, checked by `npm run lint`. */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'src/domain imports none of the other layers (only small pure libraries).',
      severity: 'error',
      from: { path: '^src/domain' },
      to: { path: '^src/(db|services|http|cli|web|contracts)' },
    },
    {
      name: 'contracts-only-domain',
      comment: 'API contracts are schemas: they may use the domain, nothing else of ours.',
      severity: 'error',
      from: { path: '^src/contracts' },
      to: { path: '^src/(db|services|http|cli|web)' },
    },
    {
      name: 'web-only-domain-and-api-client',
      comment: 'The web app reaches the server only through its API client (src/web/api).',
      severity: 'error',
      from: { path: '^src/web', pathNot: '^src/web/api' },
      to: { path: '^src/(db|services|http|cli|contracts)' },
    },
    {
      name: 'web-api-client-types-only',
      comment: 'The API client may take types from the contracts, never server code.',
      severity: 'error',
      from: { path: '^src/web/api' },
      to: { path: '^src/(db|services|http|cli)' },
    },
    {
      name: 'http-and-cli-through-services',
      comment: 'Routes and commands reach the database only through src/services.',
      severity: 'error',
      from: { path: '^src/(http|cli)' },
      to: { path: '^src/db' },
    },
    {
      name: 'services-not-edges',
      comment: 'Use cases know nothing of HTTP, the CLI or the web app.',
      severity: 'error',
      from: { path: '^src/(services|db)' },
      to: { path: '^src/(http|cli|web)' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
