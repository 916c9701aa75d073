// Which folder may import which: the layering as data, checked by `npm run lint` and `npm test`
// (scripts/lint.sh layers). A lower tier never imports a higher one, and folders of one tier never
// import each other, so no two folders can form a cycle; no-circular catches cycles between files.
// Tests and test helpers may reach across (a test of the engine may build a backend), but not into
// a cycle.

/** vm-backend's folders, lowest first. */
const TIERS = [
  ['api'], // the contract: zod declarations, the types and the rules both sides share
  ['connection'], // how an engine is reached: the local socket, SSH (ssh2), targets.json
  ['registry', 'vm'], // Docker Hub and registries v2; Wharf's VM (QEMU, guest image, lifecycle)
  ['engine'], // one engine's calls, streams and handlers, folder per domain
  ['wiring'], // the composition root: the backend, the engine scope and switch, targets
  ['server'], // web mode: the same contract over a WebSocket
  ['cli'], // the `wharf` command
];

const TESTS = '(\\.test\\.tsx?$|/testing/|/test-[a-z-]+\\.ts$)';
const folder = (name) => `^vm-backend/${name}/`;

const tierRules = TIERS.flatMap((tier, i) =>
  tier.map((name) => {
    const above = TIERS.slice(i + 1).flat();
    const peers = tier.filter((n) => n !== name);
    return {
      name: `layers-${name}`,
      comment: `vm-backend/${name}/ may import only the tiers below it (${TIERS.slice(0, i).flat().join(', ') || 'nothing of the backend'})`,
      severity: 'error',
      from: { path: folder(name), pathNot: TESTS },
      to: { path: `^vm-backend/(${[...above, ...peers].join('|')})/` },
    };
  }),
);

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Files that import each other, directly or through others: split out what both need.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'backend-root-files',
      comment: 'vm-backend/ has folders only: the wiring lives in vm-backend/wiring/.',
      severity: 'error',
      from: { path: '^vm-backend/[^/]+\\.ts$' },
      to: {},
    },
    ...tierRules,
    {
      name: 'api-imports-no-backend',
      comment: 'api/ is shared with the renderer: it imports nothing of the backend and no Node module.',
      severity: 'error',
      from: { path: '^vm-backend/api/', pathNot: TESTS },
      to: { pathNot: '^(vm-backend/api/|node_modules/zod/)', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'renderer-only-api',
      comment: 'The renderer reaches the backend through the contract only (vm-backend/api/).',
      severity: 'error',
      from: { path: '^renderer/', pathNot: TESTS },
      to: { path: '^vm-backend/', pathNot: '^vm-backend/api/' },
    },
    {
      name: 'renderer-no-node',
      comment: 'The renderer runs in a browser page: no Node modules outside its tests.',
      severity: 'error',
      from: { path: '^renderer/', pathNot: TESTS },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'backend-no-electron',
      comment: 'vm-backend is plain Node: web mode and the CLI run it without Electron.',
      severity: 'error',
      from: { path: '^vm-backend/' },
      to: { path: '^(electron/|node_modules/electron/)' },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.node.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|out|dist)/' },
  },
};
