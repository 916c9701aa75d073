// Every contract call (CALL_NAMES: a new call is fuzzed without editing this file) gets a few
// hundred generated hostile inputs through the real backend on the real local engine: wrong types,
// huge and deep values, unicode and NUL, path traversal, numbers out of range, extra keys, and
// valid-shaped ids that cannot exist. Each answer must be {ok:true} or {ok:false} with a code, in
// bounded time, and the backend must still answer engine:status afterwards.
//
// It must never harm the engine or this machine, so before an input is sent, one the contract
// would ACCEPT must also pass `harmless` below (inputs it refuses are always sent: they stop at
// validation):
// - ids, names and refs start with `wharf-fuzz-` (never hex, so never an id prefix): no real
//   container or image is started, stopped, removed or inspected;
// - images go through `127.0.0.1:1/wharf-fuzz-...`: run:create and pull:start pull first, and port
//   1 refuses at once (no Docker Hub, no network);
// - registries and search sources are `127.0.0.1:1` or `wharf-fuzz-*.invalid` (never resolves);
//   Docker Hub (`hub`) is never searched: the test must not depend on the internet; image-sources
//   looks only for `127.0.0.1:1/...` names (never a Hub name);
// - networks:create is sent only inputs it refuses, networks:prune only with a `wharf-fuzz-` label
//   filter (never the shared engine's unused networks), the other networks:* calls only fuzz names;
// - images:prune, volumes:prune, volumes:create, vm:start, vm:restart, vm:reset and vm:delete-data
//   are sent only inputs they refuse: their only valid input ({} or {confirm:true}) would prune the
//   shared engine's dangling images or unused volumes, leave volumes behind, boot QEMU or delete a
//   VM's disks; volume names (volumes:*, files:* on a volume) start with `wharf-fuzz-` too;
// - compose calls name projects and paths that start with `wharf-fuzz-` (`/wharf-fuzz-...`), so
//   no real project is touched and no settings file is written;
// - targets:use and targets:test reach only `local`, `vm` or names that cannot exist, so the
//   engine is never switched away and no SSH connection goes out;
// - build:* reach only folders under `/wharf-fuzz-` (none exists, so nothing is read, packed or
//   written, and no .dockerignore is touched) and tag `wharf-fuzz-` names; push:tag tags only a
//   `wharf-fuzz-` image (none exists) as a `wharf-fuzz-` name, push:start pushes only through
//   `127.0.0.1:1/wharf-fuzz-` (no such image here, and port 1 refuses);
// - the data folder, registries.json and the VM folder are in a throwaway temp folder, and the VM
//   has no image (its `image` throws), so nothing is downloaded or built.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALL_NAMES, type CallName, calls } from '../api/contract';
import type { Envelope } from '../api/wire';
import { localConnectionFromEnv } from '../connection/local';
import { createVmManager } from '../vm/vm-setup';
import { createBackend } from './backend';
import type { Backend } from './backend-types';

const RUNS_PER_CALL = Number(process.env.WHARF_FUZZ_RUNS ?? 200);
const CALL_TIMEOUT_MS = 10_000;
const FUZZ = 'wharf-fuzz-';
const NO_IMAGE = `127.0.0.1:1/${FUZZ}`;

/** One valid input per call (a starting point that mutations bend); a call without one still gets
 *  the generic hostile inputs. */
const SEEDS: Partial<Record<CallName, Record<string, unknown>>> = {
  'containers:inspect': { id: `${FUZZ}c` },
  'containers:action': { ids: [`${FUZZ}c`], action: 'stop' },
  'containers:remove': { ids: [`${FUZZ}c`], force: true, removeVolumes: true },
  'images:remove': { ref: `${FUZZ}i:latest`, force: true },
  'logs:open': { id: `${FUZZ}c`, tail: 100, timestamps: false, follow: true },
  'logs:close': { stream: 'logs-1' },
  'logs:download-ticket': { id: `${FUZZ}c`, timestamps: false },
  'streams:ack': { stream: 'logs-1', bytes: 10 },
  'exec:start': { id: `${FUZZ}c`, mode: 'exec', cols: 80, rows: 24 },
  'exec:input': { stream: 'exec-1', data: 'ls\n' },
  'exec:resize': { stream: 'exec-1', cols: 80, rows: 24 },
  'exec:close': { stream: 'exec-1' },
  'run:image-info': { image: `${NO_IMAGE}i` },
  'run:host-ports': { image: `${NO_IMAGE}i` },
  'run:from-container': { id: `${FUZZ}c` },
  'run:create': {
    form: {
      image: `${NO_IMAGE}i`,
      name: `${FUZZ}run`,
      command: '',
      detached: true,
      interactive: false,
      restart: 'no',
      restartMax: '',
      autoRemove: true,
      env: [],
      volumes: [],
      ports: [],
      network: '',
    },
    keepOnFailure: false,
  },
  'search:source': { source: '127.0.0.1:1', term: 'x' },
  'search:tags': { source: '127.0.0.1:1', repository: `${FUZZ}r` },
  'pull:start': { ref: `${NO_IMAGE}p` },
  'pull:cancel': { pull: 'pull-1' },
  'registries:add': { host: `${FUZZ}r.invalid`, username: 'me', secret: 's' },
  'registries:remove': { host: `${FUZZ}r.invalid` },
  'registries:test': { host: '127.0.0.1:1' },
  'vm:stop': { force: true },
  'vm:diagnose': { inline: true },
  'vm:settings': { cpus: 1 },
  'targets:save': { name: `${FUZZ}t`, address: 'me@127.0.0.1:1' },
  'targets:remove': { name: `${FUZZ}t` },
  'targets:test': { name: `${FUZZ}nosuch` },
  'targets:use': { name: `${FUZZ}nosuch` },
  'networks:remove': { network: `${FUZZ}n` },
  'networks:connect': { network: `${FUZZ}n`, container: `${FUZZ}c`, alias: 'a' },
  'networks:disconnect': { network: `${FUZZ}n`, container: `${FUZZ}c`, force: true },
  'networks:picture': { network: `${FUZZ}n` },
  'networks:prune': { label: `${FUZZ}l` },
  'host:complete-path': { path: `/${FUZZ}dir/x` },
  'build:inspect': { folder: `/${FUZZ}ctx` },
  'build:start': { folder: `/${FUZZ}ctx`, tags: [`${FUZZ}b:1`], noCache: true },
  'build:cancel': { build: 'build-x-1' },
  'build:log': { build: 'build-x-1', from: 0 },
  'build:ignore-add': { folder: `/${FUZZ}ctx`, pattern: 'node_modules' },
  'push:tag': { source: `${FUZZ}i:1`, target: `${FUZZ}t:1` },
  'push:start': { ref: `${NO_IMAGE}p:1` },
  'push:cancel': { push: 'push-x-1' },
  'compose:open': { path: `/${FUZZ}p`, name: `${FUZZ}p` },
  'compose:set-cli-path': { path: `/${FUZZ}p/docker-compose` },
  'compose:forget': { project: `${FUZZ}p` },
  'compose:action': { project: `${FUZZ}p`, action: 'down', removeVolumes: true },
  'search:image-sources': { image: `${NO_IMAGE}i:1` },
  'learn:prepare-build': { image: `${FUZZ}i:1` },
  'compose:logs-open': { project: `${FUZZ}p`, services: [], tail: 10 },
};

const NEVER_VALID = new Set<CallName>([
  'images:prune',
  'volumes:prune',
  'volumes:create',
  'vm:start',
  'vm:restart',
  'vm:reset',
  'vm:delete-data',
  // learn:save would write the user's learn-progress.json (the config folder, not the temp one);
  // learn:cleanup would remove the lessons' named containers from the shared engine.
  'learn:save',
  'learn:cleanup',
]);

/** Every string a parsed input holds, with the key it is under. */
function strings(v: unknown, key = '', out: [string, string][] = []): [string, string][] {
  if (typeof v === 'string') out.push([key, v]);
  else if (Array.isArray(v)) for (const x of v) strings(x, key, out);
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) strings(x, k, out);
  return out;
}

const safeHost = (h: string): boolean => h === '127.0.0.1:1' || (h.startsWith(FUZZ) && h.endsWith('.invalid'));

/** May the backend really run this input (the contract accepted it)? See the comment at the top. */
function harmless(name: CallName, parsed: unknown): boolean {
  if (NEVER_VALID.has(name)) return false;
  const all = strings(parsed);
  const under = (...keys: string[]): string[] => all.filter(([k]) => keys.includes(k)).map(([, s]) => s);
  if (name === 'targets:use' || name === 'targets:test')
    return under('name').every((n) => n === 'local' || n === 'vm' || n.startsWith(`${FUZZ}nosuch`));
  if (name === 'targets:save' || name === 'targets:remove')
    return under('name', 'previous').every((n) => n.startsWith(FUZZ) && !n.startsWith(`${FUZZ}nosuch`));
  // Compose acts only on projects that cannot exist and paths that cannot exist (so nothing is
  // opened, and compose-projects.json is never written); set-cli-path always with a path.
  if (name === 'compose:set-cli-path' && under('path').length === 0) return false;
  if (name.startsWith('compose:'))
    return (
      under('project', 'name').every((n) => n.startsWith(FUZZ)) &&
      under('path', 'envFile').every((p) => p.startsWith(`/${FUZZ}`))
    );
  // image-sources asks Hub for a Hub name: only names with port 1's registry in them (refused at once).
  if (name === 'search:image-sources') return under('image').every((r) => r.startsWith(NO_IMAGE));
  if (name.startsWith('search:') || name.startsWith('registries:'))
    return under('source', 'host').every(safeHost) && under('repository').every((r) => r.startsWith(FUZZ));
  // networks: only names that cannot exist; create never (it would make one), prune only by a fuzz label.
  if (name === 'networks:create') return false;
  if (name === 'networks:prune') return under('label').length === 1 && under('label').every((l) => l.startsWith(FUZZ));
  if (name.startsWith('networks:')) return under('network', 'container').every((r) => r.startsWith(FUZZ));
  if (name === 'run:create' || name === 'run:host-ports' || name === 'run:image-info' || name === 'pull:start')
    return under('image', 'ref').every((r) => r.startsWith(NO_IMAGE)) && under('name').every((n) => n.startsWith(FUZZ));
  if (name.startsWith('volumes:') || name.startsWith('files:'))
    return under('id', 'name').every((r) => r.startsWith(FUZZ));
  if (name.startsWith('build:'))
    return (
      // No `..`: `/wharf-fuzz-x/..` would resolve to / (listed, packed, or a /.dockerignore written).
      under('folder').every((f) => f.startsWith(`/${FUZZ}`) && !f.includes('..')) &&
      under('tags').every((t) => t.startsWith(FUZZ))
    );
  if (name === 'push:tag') return under('source', 'target').every((r) => r.startsWith(FUZZ));
  if (name === 'push:start') return under('ref').every((r) => r.startsWith(NO_IMAGE));
  return under('id', 'ids', 'ref', 'image').every((r) => r.startsWith(FUZZ));
}

const deep = (depth: number): unknown => {
  let v: unknown = 'bottom';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
};
const hostileString = fc.oneof(
  fc.constantFrom(
    '',
    '\0',
    `${FUZZ}\0`,
    '../../../../etc/passwd',
    `${FUZZ}../../etc/shadow`,
    '/var/run/docker.sock',
    '%2e%2e%2f',
    '\u202e\ufeff\ud800',
    '__proto__',
    'constructor',
    'a'.repeat(70_000),
    `${FUZZ}${'x'.repeat(600)}`,
    'local',
    'vm',
    'hub',
    'sha256:',
    'pull-999999999999',
    'logs-1',
  ),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ maxLength: 40 }).map((s) => `${FUZZ}${s}`),
  fc.string({ unit: 'binary', maxLength: 20 }).map((s) => `${NO_IMAGE}${s}`),
);
const hostileNumber = fc.oneof(
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -1, -0, 0, 1e308, 2 ** 53 + 2, -(2 ** 31), 65536, 0.5),
  fc.double(),
  fc.integer(),
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  hostileNumber,
  fc.constantFrom(null, undefined, true, false, [], {}, deep(2000), { __proto__: { polluted: true } }),
  fc.array(hostileString, { maxLength: 600 }),
  fc.dictionary(hostileString, hostileString, { maxKeys: 5 }),
  fc.anything({ maxDepth: 3 }),
);

function inputFor(name: CallName): fc.Arbitrary<unknown> {
  const seed = SEEDS[name] ?? {};
  const keys = Object.keys(seed);
  const replaceOne =
    keys.length === 0
      ? fc.constant(seed)
      : fc.tuple(fc.constantFrom(...keys), hostileValue).map(([k, v]) => ({ ...seed, [k]: v }));
  const dropOne =
    keys.length === 0
      ? fc.constant(seed)
      : fc.constantFrom(...keys).map((k) => Object.fromEntries(Object.entries(seed).filter(([x]) => x !== k)));
  // Bend a value one level down (run:create's form) rather than at the top.
  const inner = keys.flatMap((k) => {
    const v = seed[k];
    return v && typeof v === 'object' && !Array.isArray(v) ? Object.keys(v).map((j) => [k, j] as const) : [];
  });
  const nested =
    inner.length === 0
      ? fc.constant(seed)
      : fc.tuple(fc.constantFrom(...inner), hostileValue).map(([[k, j], v]) => ({
          ...seed,
          [k]: { ...(seed[k] as Record<string, unknown>), [j]: v },
        }));
  return fc.oneof(
    hostileValue,
    replaceOne,
    dropOne,
    nested,
    fc.tuple(hostileString, hostileValue).map(([k, v]) => ({ ...seed, [k]: v })),
    fc.constant(seed),
  );
}

let backend: Backend;
const dir = mkdtempSync(join(tmpdir(), 'wharf-fuzz-data-'));
const totals = { inputs: 0, uncoded: 0, skipped: 0, slowestMs: 0, slowestCall: '' };

beforeAll(() => {
  backend = createBackend({
    connection: localConnectionFromEnv(),
    dataDir: dir,
    registriesFile: join(dir, 'registries.json'),
    makeVm: () =>
      createVmManager(dir, {
        image: () => Promise.reject(new Error('the fuzz test has no VM image: nothing is downloaded or built')),
      }),
  });
});
afterAll(async () => {
  await backend?.close();
  rmSync(dir, { recursive: true, force: true });
  console.log(
    `fuzz_inputs=${totals.inputs} fuzz_uncoded=${totals.uncoded} (skipped as not harmless: ${totals.skipped}; slowest ${totals.slowestMs} ms, ${totals.slowestCall})`,
  );
});

async function send(name: CallName, input: unknown): Promise<Envelope<unknown>> {
  const t0 = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${name} did not answer in ${CALL_TIMEOUT_MS} ms`)), CALL_TIMEOUT_MS);
  });
  try {
    return await Promise.race([backend.invoke(name, input), timeout]);
  } finally {
    clearTimeout(timer);
    const ms = Date.now() - t0;
    if (ms > totals.slowestMs) Object.assign(totals, { slowestMs: ms, slowestCall: name });
  }
}

describe('contract fuzz: every call, hostile inputs, the real backend on the real engine', () => {
  it.each([...CALL_NAMES])('%s answers every input with a value or a coded error', async (name) => {
    await fc.assert(
      fc.asyncProperty(inputFor(name), async (input) => {
        const parsed = calls[name].input.safeParse(input ?? {});
        if (parsed.success && !harmless(name, parsed.data)) {
          totals.skipped++;
          return;
        }
        totals.inputs++;
        const answer = await send(name, input);
        const coded = answer.ok === true || (answer.ok === false && typeof answer.error?.code === 'string');
        if (!coded) totals.uncoded++;
        expect(
          coded,
          `${name} ${JSON.stringify(input)?.slice(0, 200)} -> ${JSON.stringify(answer).slice(0, 300)}`,
        ).toBe(true);
        if (!answer.ok) expect(answer.error.code).toMatch(/^[A-Z][A-Z0-9_]+$/);
      }),
      { numRuns: RUNS_PER_CALL, endOnFailure: true },
    );
    const alive = await send('engine:status', {});
    expect(alive.ok).toBe(true);
  });

  it('counted no answer without a code', () => {
    expect(totals.inputs).toBeGreaterThan(CALL_NAMES.length * RUNS_PER_CALL * 0.5);
    expect(totals.uncoded).toBe(0);
  });
});
