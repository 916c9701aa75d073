import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TargetStore } from '../connection/targets';
import { UsageError } from './args';
import { contextCommand } from './context-command';

const run = async (dir: string, ...argv: string[]): Promise<string> => {
  let text = '';
  await contextCommand(argv, dir, (s) => (text += `${s}\n`));
  return text;
};

describe('wharf context', () => {
  it('lists local as the active target at first', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wharf-ctx-'));
    expect(await run(dir, 'ls')).toBe('NAME     ENGINE  KEY\nlocal *  local\nvm       vm\n');
  });
  it('ls says when targets.json was corrupt and where the bad copy is kept, in this run and the next', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wharf-ctx-'));
    writeFileSync(join(dir, 'targets.json'), '{"targets": [ oops');
    const first = await run(dir, 'ls');
    const kept = readdirSync(dir).find((n) => n.startsWith('targets.json.corrupt-')) as string;
    expect(readFileSync(join(dir, kept), 'utf8')).toBe('{"targets": [ oops');
    expect(first).toContain(`note: ${join(dir, 'targets.json')} could not be read (`);
    expect(first).toContain(`kept it as ${join(dir, kept)}`);
    await run(dir, 'add', 'box', 'ssh://me@box:22');
    expect(await run(dir, 'ls')).toContain(`kept it as ${join(dir, kept)}`);
    expect(readFileSync(join(dir, kept), 'utf8')).toBe('{"targets": [ oops');
  });
  it('adds an SSH target, switches to it, and removes it (back to local)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wharf-ctx-'));
    await run(dir, 'add', 'box', 'ssh://me@10.0.0.5:2222', '--identity', '/keys/id');
    expect(await run(dir, 'use', 'box')).toBe('now using box (ssh://me@10.0.0.5:2222)\n');
    expect(await run(dir, 'ls')).toMatch(/^box \*\s+ssh:\/\/me@10\.0\.0\.5:2222\s+\/keys\/id$/m);
    expect(new TargetStore(dir).active()).toEqual({
      name: 'box',
      engine: 'ssh://me@10.0.0.5:2222',
      identity: '/keys/id',
    });
    expect(statSync(join(dir, 'targets.json')).mode & 0o777).toBe(0o600);
    await run(dir, 'rm', 'box');
    expect(new TargetStore(dir).active().name).toBe('local');
  });
  it('refuses bad names, bad engines, unknown targets and touching local', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wharf-ctx-'));
    await expect(run(dir, 'add', 'Bad Name', 'ssh://me@h')).rejects.toThrow(UsageError);
    await expect(run(dir, 'add', 'x', 'ftp://h')).rejects.toThrow(/ssh:\/\//);
    await expect(run(dir, 'use', 'nope')).rejects.toThrow(/no target named "nope"/);
    await expect(run(dir, 'rm', 'local')).rejects.toThrow(/built in/);
    await expect(run(dir, 'frob')).rejects.toThrow(/usage: wharf context/);
  });
});
