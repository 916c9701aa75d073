import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultTargetName, TargetError, TargetStore } from './targets';

const dirs: string[] = [];
const fresh = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'wharf-targets-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('TargetStore', () => {
  it('starts on the VM where the OS has no Docker of its own, on the local socket on Linux', () => {
    expect(defaultTargetName('darwin')).toBe('vm');
    expect(defaultTargetName('win32')).toBe('vm');
    expect(defaultTargetName('linux')).toBe('local');
    expect(new TargetStore(fresh(), 'darwin').active()).toEqual({ name: 'vm', engine: 'vm' });
    expect(new TargetStore(fresh(), 'linux').active()).toEqual({ name: 'local', engine: 'local' });
  });

  it('always lists local and vm, and refuses to change or remove them', () => {
    const s = new TargetStore(fresh(), 'linux');
    expect(s.list().targets.map((t) => t.name)).toEqual(['local', 'vm']);
    expect(() => s.save({ name: 'vm', engine: 'ssh://a@b:22' })).toThrow(TargetError);
    expect(() => s.remove('vm')).toThrow(TargetError);
    expect(() => s.remove('local')).toThrow(TargetError);
    expect(s.use('vm').engine).toBe('vm');
  });

  it('removing the active target goes back to the default; a hand-edited file cannot shadow a built-in', () => {
    const dir = fresh();
    const s = new TargetStore(dir, 'darwin');
    s.save({ name: 'box', engine: 'ssh://me@h:22' });
    s.use('box');
    s.remove('box');
    expect(s.list().active).toBe('vm');
    writeFileSync(
      join(dir, 'targets.json'),
      JSON.stringify({
        active: 'vm',
        targets: [
          { name: 'vm', engine: 'ssh://evil@h:22' },
          { name: 'ok', engine: 'local' },
        ],
      }),
    );
    expect(s.list().targets).toEqual([
      { name: 'local', engine: 'local' },
      { name: 'vm', engine: 'vm' },
      { name: 'ok', engine: 'local' },
    ]);
    expect(JSON.parse(readFileSync(join(dir, 'targets.json'), 'utf8')).active).toBe('vm');
  });

  it('an --engine value names the built-in target it means', () => {
    const s = new TargetStore(fresh(), 'linux');
    expect(s.startTarget('vm').name).toBe('vm');
    expect(s.startTarget('local').name).toBe('local');
    expect(s.startTarget('ssh://x@y:22').name).toBe('command-line');
  });
});
