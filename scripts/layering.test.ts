// The layering rules (.dependency-cruiser.cjs) run on every test run: the real tree has no
// violation, and each kind of wrong-way import in a tiny tree is reported under its rule's name,
// so a rule that stops matching (a renamed folder, a broken pattern) fails here too.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { cruise, type ICruiseOptions, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '..');
/** The folders scripts/lint.sh layers cruises. */
const DIRS = ['electron', 'renderer', 'vm-backend', 'scripts', 'e2e'];
// Cruising the whole tree takes about 5 s on an idle machine; a shared 2-core one is slower.
const TIME_LIMIT_MS = 90_000;

const rules = (): Promise<ICruiseOptions> => extractDepcruiseOptions(join(ROOT, '.dependency-cruiser.cjs'));

async function violations(baseDir: string, dirs: string[], tsConfigFile?: string): Promise<string[]> {
  const options = { ...(await rules()), baseDir };
  if (!tsConfigFile) delete options.tsConfig;
  const transpile = tsConfigFile ? { tsConfig: extractTSConfig(join(baseDir, tsConfigFile)) } : {};
  const { output } = await cruise(dirs, options, {}, transpile);
  return (output as ICruiseResult).summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`);
}

describe('layering (.dependency-cruiser.cjs)', () => {
  it(
    'the real tree breaks no rule',
    async () => {
      expect(await violations(ROOT, DIRS, 'tsconfig.node.json')).toEqual([]);
    },
    TIME_LIMIT_MS,
  );

  describe('a tree with one wrong-way import of each kind', () => {
    let dir = '';
    const tree: Record<string, string> = {
      // a two-file cycle, inside one folder
      'vm-backend/vm/ping.ts': "import { pong } from './pong';\nexport const ping = (): number => pong() + 1;\n",
      'vm-backend/vm/pong.ts': "import { ping } from './ping';\nexport const pong = (): number => (ping ? 0 : 1);\n",
      // allowed: the engine and the renderer import the contract
      'vm-backend/api/types.ts': 'export type Row = { id: string };\n',
      'vm-backend/engine/session.ts': "import type { Row } from '../api/types';\nexport const session: Row[] = [];\n",
      'renderer/row.ts': "import type { Row } from '../vm-backend/api/types';\nexport const rows: Row[] = [];\n",
      // api/ (shared with the renderer) imports the engine
      'vm-backend/api/contract.ts': "import { session } from '../engine/session';\nexport const calls = session;\n",
      // the renderer reaches past the contract
      'renderer/view.ts': "import { session } from '../vm-backend/engine/session';\nexport const view = session;\n",
      // vm/ (below engine/) imports the engine
      'vm-backend/vm/boot.ts': "import { session } from '../engine/session';\nexport const boot = session;\n",
    };
    let found: string[] = [];

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'wharf-layering-'));
      for (const [file, text] of Object.entries(tree)) {
        mkdirSync(dirname(join(dir, file)), { recursive: true });
        writeFileSync(join(dir, file), text);
      }
      found = await violations(dir, ['vm-backend', 'renderer']);
    }, TIME_LIMIT_MS);
    afterAll(() => {
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('reports the cycle under no-circular', () => {
      // One report per cycle, from whichever file the cruise met first.
      const cycles = found.filter((v) => v.startsWith('no-circular:'));
      expect(cycles).toHaveLength(1);
      expect(cycles[0]).toMatch(/^no-circular: vm-backend\/vm\/(ping\.ts -> \S+pong|pong\.ts -> \S+ping)\.ts$/);
    });
    it('reports api/ importing the engine under api-imports-no-backend and layers-api', () => {
      expect(found).toContain('api-imports-no-backend: vm-backend/api/contract.ts -> vm-backend/engine/session.ts');
      expect(found).toContain('layers-api: vm-backend/api/contract.ts -> vm-backend/engine/session.ts');
    });
    it('reports the renderer importing vm-backend/engine/ under renderer-only-api', () => {
      expect(found).toContain('renderer-only-api: renderer/view.ts -> vm-backend/engine/session.ts');
    });
    it('reports vm/ importing engine/ under layers-vm', () => {
      expect(found).toContain('layers-vm: vm-backend/vm/boot.ts -> vm-backend/engine/session.ts');
    });
    it('reports nothing else: the allowed imports pass', () => {
      expect(found).toHaveLength(5);
    });
  });
});
