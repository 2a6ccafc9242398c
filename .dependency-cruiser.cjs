// Layer rules of the house (see README "Layer rules"). Each rule names the
// runtime boundary it protects; `npm test` fails on any violation.
// Test files (*.test.ts) run in Node under vitest and may import test tooling,
// so they are exempt from the purity rules of the folder they sit in.
const TEST_FILE = '\\.test\\.tsx?$';
const RENDERER = '^src/(?!core/)';
const NODE_ONLY_PACKAGES =
  '^(electron|node-hid|serialport|@serialport/.+|node-thermal-printer|pg|pg-.+|@electric-sql/pglite|fastify|@fastify/.+|ws|pino|pino-.+|@adyen/api-library)$';
// Pure libraries the core may use: no I/O, no globals beyond ECMAScript.
const CORE_ALLOWED_PACKAGES = '^(zod|@noble/hashes)(/|$)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-imports-only-core',
      comment:
        'src/core is pure TypeScript shared by till, kiosk and server: it may import only src/core and a few pure libraries (zod, @noble/hashes).',
      severity: 'error',
      from: { path: '^src/core/', pathNot: TEST_FILE },
      to: {
        pathNot: ['^src/core/', `node_modules/${CORE_ALLOWED_PACKAGES.slice(1)}`],
      },
    },
    {
      name: 'core-no-node-builtins',
      comment: 'src/core runs in the browser and on the server: no Node built-ins.',
      severity: 'error',
      from: { path: '^src/core/', pathNot: TEST_FILE },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'renderer-no-node-or-native',
      comment:
        'Renderer code reaches devices and the host only through the PosBridge in src/core: no electron, native device modules, database drivers or Node built-ins.',
      severity: 'error',
      from: { path: RENDERER, pathNot: TEST_FILE },
      to: { path: `node_modules/${NODE_ONLY_PACKAGES.slice(1, -1)}(/|$)` },
    },
    {
      name: 'renderer-no-node-builtins',
      comment: 'Renderer code runs in a sandboxed browser context: no Node built-ins.',
      severity: 'error',
      from: { path: RENDERER, pathNot: TEST_FILE },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'renderer-not-into-other-runtimes',
      comment: 'Renderer code may not import electron/, hardware/ or sync-server/ code.',
      severity: 'error',
      from: { path: RENDERER },
      to: { path: '^(electron|hardware|sync-server)/' },
    },
    {
      name: 'sync-server-imports-only-core',
      comment: 'sync-server/ may use src/core (schemas, money, journal) and nothing else of src/.',
      severity: 'error',
      from: { path: '^sync-server/' },
      to: { path: ['^src/(?!core/)', '^(electron|hardware)/'] },
    },
    {
      name: 'hardware-no-renderer',
      comment: 'hardware/ is Node-only: it may use src/core contracts but never renderer code.',
      severity: 'error',
      from: { path: '^hardware/' },
      to: { path: ['^src/(?!core/)', '^(electron|sync-server)/'] },
    },
    {
      name: 'electron-no-renderer',
      comment: 'electron/ hosts the renderer; it shares only src/core contracts with it.',
      severity: 'error',
      from: { path: '^electron/' },
      to: { path: ['^src/(?!core/)', '^sync-server/'] },
    },
    {
      name: 'preload-only-electron-and-core',
      comment:
        'The preload is sandboxed: it may import only electron (contextBridge, ipcRenderer) and src/core, never Node built-ins.',
      severity: 'error',
      from: { path: '^electron/preload/', pathNot: TEST_FILE },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'native-modules-only-in-hardware',
      comment: 'Native device modules are loaded only under hardware/, where the host supervises them.',
      severity: 'error',
      from: { pathNot: ['^hardware/', '^tests/', '^bench/'] },
      to: { path: 'node_modules/(node-hid|serialport|@serialport/[^/]+|node-thermal-printer)/' },
    },
    {
      name: 'no-unresolvable',
      comment: 'An import that cannot be resolved is a typo or a missing dependency.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'no-circular',
      comment: 'Cycles make layers meaningless and initialisation order fragile.',
      severity: 'error',
      from: { pathNot: '^node_modules' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|release|coverage)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.tools.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
