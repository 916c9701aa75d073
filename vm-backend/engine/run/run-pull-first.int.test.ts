// Run an image that is not on the engine: like `docker run`, Wharf pulls it first (progress to the
// window that asked), then creates and starts it. A pull that fails leaves nothing behind.
// Needs the local registry from scripts/setup/start-registry.sh.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullProgress } from '../../api/contract.pull';
import type { RunResult } from '../../api/contract.run';
import { emptyForm } from '../../api/rules/run-form';
import type { EngineStatus } from '../../api/types';
import type { Envelope } from '../../api/wire';
import { createBackend } from '../../wiring/backend';
import type { Backend } from '../../wiring/backend-types';
import { localConnectionFromEnv } from '../../connection/local';
import { createClientLink } from '../../server/client-link';
import { readRegistryState } from '../../../scripts/setup/registry-state';

const env = readRegistryState();
const REGISTRY = env.WHARF_REGISTRY!;
const docker = (...a: string[]): string => execFileSync('docker', a, { encoding: 'utf8' }).trim();
/** `docker rmi`, where an image already gone is fine. */
function removeIfThere(image: string): void {
  try {
    execFileSync('docker', ['rmi', image], { stdio: 'ignore' });
  } catch {
    // not there
  }
}
const tag = `wpull-${process.pid}-${Date.now().toString(36)}`;
const configDir = mkdtempSync(join(tmpdir(), 'wharf-pullfirst-'));
let backend: Backend;
const events: PullProgress[] = [];
const client = createClientLink('test', (name, payload) => {
  if (name === 'pull:progress') events.push(payload as PullProgress);
});

beforeAll(async () => {
  process.env.WHARF_CONFIG_DIR = configDir;
  backend = createBackend({ connection: localConnectionFromEnv(process.env, 'linux') });
  for (let i = 0; i < 200; i++) {
    const s = (await backend.invoke('engine:status', {})) as Envelope<EngineStatus>;
    if (s.ok && s.value.state === 'ready') break;
    await new Promise((r) => setTimeout(r, 50));
  }
});
afterAll(async () => {
  const names = docker('ps', '-aq', '--filter', `name=${tag}`).split('\n').filter(Boolean);
  if (names.length) docker('rm', '-f', ...names);
  client.close();
  await backend.close();
  rmSync(configDir, { recursive: true, force: true });
});

describe('run pulls a missing image first', () => {
  it('pulls with progress to the asking window, then runs the container', async () => {
    const image = `${REGISTRY}/wharf/busybox:1`;
    removeIfThere(image);
    const form = { ...emptyForm(image), name: `${tag}-a`, command: 'sleep 300' };
    const res = (await backend.invoke('run:create', { form, keepOnFailure: false }, client)) as Envelope<RunResult>;
    expect(res.ok ? res.value.name : res.error).toBe(`${tag}-a`);
    expect(docker('inspect', '--format', '{{.State.Status}} {{.Config.Image}}', `${tag}-a`)).toBe(`running ${image}`);
    const mine = events.filter((e) => e.ref.includes('wharf/busybox:1'));
    expect(mine.at(-1)?.state).toBe('done');
  });

  it('a tag the registry does not have: the pull error lands on the image field, nothing is created', async () => {
    const image = `${REGISTRY}/wharf/busybox:no-such-tag`;
    const form = { ...emptyForm(image), name: `${tag}-b` };
    const res = (await backend.invoke('run:create', { form, keepOnFailure: false }, client)) as Envelope<RunResult>;
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('MANIFEST_UNKNOWN');
    expect(res.error.params?.field).toBe('image');
    expect(docker('ps', '-aq', '--filter', `name=${tag}-b`)).toBe('');
  });

  it('without a window to show progress to, run says to pull first instead', async () => {
    const image = `${REGISTRY}/wharf/busybox:latest`;
    removeIfThere(image);
    const res = (await backend.invoke('run:create', {
      form: { ...emptyForm(image), name: `${tag}-c` },
      keepOnFailure: false,
    })) as Envelope<RunResult>;
    expect(res.ok ? 'ran' : res.error.code).toBe('IMAGE_NOT_FOUND');
  });
});
