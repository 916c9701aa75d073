import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { saveLogs, saveLogsEnvelope } from './save-logs';

const dir = mkdtempSync(join(tmpdir(), 'wharf-savelogs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function backend(stream: Readable, name = 'web/1') {
  return {
    invoke: vi.fn(async () => ({ ok: true as const, value: { ticket: 't-1' } })),
    openLogDownload: vi.fn(async () => ({ name, stream })),
  };
}

describe('saveLogs (desktop "Download full log")', () => {
  it('asks where, with a safe default name, and streams the whole log there (0600)', async () => {
    const b = backend(Readable.from(['line 1\n', 'line 2\n']));
    const path = join(dir, 'out.log');
    const chooseFile = vi.fn(async () => path);
    expect(await saveLogs({ backend: b, chooseFile }, undefined, 'abc123', { timestamps: true })).toBe(true);
    expect(b.invoke).toHaveBeenCalledWith('logs:download-ticket', { id: 'abc123', timestamps: true }, undefined);
    expect(b.openLogDownload).toHaveBeenCalledWith('t-1');
    expect(chooseFile).toHaveBeenCalledWith('web_1.log');
    expect(readFileSync(path, 'utf8')).toBe('line 1\nline 2\n');
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('cancelled: nothing written, the engine stream closed', async () => {
    const stream = Readable.from(['x\n']);
    expect(await saveLogs({ backend: backend(stream), chooseFile: async () => null }, undefined, 'abc123', {})).toBe(
      false,
    );
    expect(stream.destroyed).toBe(true);
  });

  it('a refused ticket (bad id, engine down) is an error with the backend shape; no dialog', async () => {
    const error = { code: 'INVALID_INPUT', message: 'bad id', hint: 'h', detail: 'd' };
    const b = { invoke: vi.fn(async () => ({ ok: false as const, error })), openLogDownload: vi.fn() };
    const chooseFile = vi.fn();
    await expect(saveLogs({ backend: b, chooseFile }, undefined, '../x', null)).rejects.toMatchObject({ wharf: error });
    expect(chooseFile).not.toHaveBeenCalled();
    expect(b.openLogDownload).not.toHaveBeenCalled();
  });

  it('only a real true asks for timestamps', async () => {
    const b = backend(Readable.from([]));
    await saveLogs({ backend: b, chooseFile: async () => null }, undefined, 'abc', { timestamps: 'true' });
    expect(b.invoke).toHaveBeenCalledWith('logs:download-ticket', { id: 'abc', timestamps: false }, undefined);
  });

  it('answers the window with an envelope: the backend error as it is, a file error as LOG_SAVE_FAILED', async () => {
    const error = { code: 'INVALID_INPUT', message: 'bad id', hint: 'h', detail: 'd' };
    const b = { invoke: vi.fn(async () => ({ ok: false as const, error })), openLogDownload: vi.fn() };
    expect(await saveLogsEnvelope(saveLogs({ backend: b, chooseFile: vi.fn() }, undefined, '../x', null))).toEqual({
      ok: false,
      error,
    });
    const unwritable = join(dir, 'no-such-folder', 'x.log');
    const r = await saveLogsEnvelope(
      saveLogs({ backend: backend(Readable.from(['a\n'])), chooseFile: async () => unwritable }, undefined, 'abc', {}),
    );
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'LOG_SAVE_FAILED', detail: expect.stringContaining('ENOENT') },
    });
    expect(
      await saveLogsEnvelope(
        saveLogs({ backend: backend(Readable.from([])), chooseFile: async () => null }, undefined, 'abc', {}),
      ),
    ).toEqual({ ok: true, value: false });
  });
});
