import { describe, expect, it, vi } from 'vitest';
import { copyId, type CopyProgress } from '../../../vm-backend/api/contract.files';
import { WharfError } from '../../../vm-backend/api/errors';
import type { Bridge } from '../../bridge/types';
import { useStore } from '../../store/store';
import { copyInFromPath, defaultSaveName, desktopPathOf, newCopyId, saveToFolder } from './host-copy';

function fakeBridge(answer: (name: string, input: Record<string, unknown>) => Promise<unknown>) {
  const listeners = new Set<(p: CopyProgress) => void>();
  const calls: { name: string; input: Record<string, unknown> }[] = [];
  const bridge = {
    kind: 'web',
    call: vi.fn((name: string, input: Record<string, unknown>) => {
      calls.push({ name, input });
      return answer(name, input);
    }),
    on: vi.fn((_e: string, l: (p: CopyProgress) => void) => {
      listeners.add(l);
      return () => listeners.delete(l);
    }),
  } as unknown as Bridge;
  return { bridge, calls, listeners, emit: (p: CopyProgress) => [...listeners].forEach((l) => l(p)) };
}

describe('copies the backend makes (files:save, files:copy-in)', () => {
  it('copy ids are what the contract takes, and differ', () => {
    const ids = new Set(Array.from({ length: 50 }, newCopyId));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(copyId.safeParse(id).success).toBe(true);
  });

  it('a save: the docker cp it stands for, only its own progress, cancel by its id, the listener gone at the end', async () => {
    let finish!: (p: CopyProgress) => void;
    const f = fakeBridge((name) => (name === 'files:save' ? new Promise((r) => (finish = r)) : Promise.resolve(null)));
    const seen: number[] = [];
    const h = saveToFolder(
      f.bridge,
      { kind: 'container', id: 'abc' },
      'web',
      '/srv/a b.txt',
      { folder: '/home/me/Downloads/', name: 'a b.txt', replace: true },
      (p) => seen.push(p.bytes),
    );
    expect(useStore.getState().cliLast).toBe("docker cp 'web:/srv/a b.txt' '/home/me/Downloads/a b.txt'");
    expect(f.calls[0]).toEqual({
      name: 'files:save',
      input: {
        owner: { kind: 'container', id: 'abc' },
        path: '/srv/a b.txt',
        copy: h.copy,
        folder: '/home/me/Downloads/',
        name: 'a b.txt',
        replace: true,
      },
    });
    f.emit({ copy: 'copy-someoneelse', path: '/x', bytes: 99, state: 'running' });
    f.emit({ copy: h.copy, path: '/srv/a b.txt', bytes: 5, total: 10, state: 'running' });
    expect(seen).toEqual([5]);
    h.cancel();
    expect(f.calls[1]).toEqual({ name: 'files:copy-cancel', input: { copy: h.copy } });
    finish({ copy: h.copy, path: '/srv/a b.txt', bytes: 5, state: 'cancelled' });
    expect((await h.done).result?.state).toBe('cancelled');
    expect(f.listeners.size).toBe(0);
  });

  it('a failed copy-in answers the coded error; a save without a name lets the backend name it', async () => {
    const f = fakeBridge(() =>
      Promise.reject(new WharfError({ code: 'HOST_FILE_NOT_FOUND', message: 'No file.', hint: 'h', detail: 'd' })),
    );
    const h = copyInFromPath(f.bridge, { kind: 'volume', name: 'data' }, 'data', '/notes', '/home/me/a.txt', () => {});
    expect(useStore.getState().cliLast).toContain('docker cp /home/me/a.txt wharf-cp:/v/notes');
    const { error } = await h.done;
    expect(error?.code).toBe('HOST_FILE_NOT_FOUND');
    saveToFolder(f.bridge, { kind: 'container', id: 'abc' }, 'web', '/etc', { folder: '~/' }, () => {});
    expect(f.calls[1]?.input).not.toHaveProperty('name');
    expect(f.calls[1]?.input.replace).toBe(false);
  });

  it('names and paths: a folder saves as .tar, and web mode has no file paths', () => {
    expect(defaultSaveName('/var/log', true)).toBe('log.tar');
    expect(defaultSaveName('/', true)).toBe('root.tar');
    expect(defaultSaveName('/etc/hosts', false)).toBe('hosts');
    expect(desktopPathOf(new File(['x'], 'x.txt'))).toBe('');
  });
});
