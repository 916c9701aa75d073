import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lessonDockerfile } from '../../api/rules/learn-dockerfile';
import { prepareBuildFolder } from './learn-build-folder';

const dirs: string[] = [];
const temp = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'wharf-learn-build-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('prepareBuildFolder', () => {
  it("writes the step's Dockerfile into lessons/learn-build and names the lesson's tag", () => {
    const data = temp();
    const r = prepareBuildFolder('wharf-fixture/busybox:1', data);
    expect(r).toEqual({
      folder: join(data, 'lessons', 'learn-build'),
      dockerfile: 'Dockerfile',
      tag: 'learn/hello-web:1',
      written: true,
    });
    expect(readFileSync(join(r.folder, 'Dockerfile'), 'utf8')).toBe(
      `${lessonDockerfile({ image: 'wharf-fixture/busybox:1' })}\n`,
    );
  });

  it('brings its own file up to date when the lesson image changes', () => {
    const data = temp();
    const r = prepareBuildFolder('busybox', data);
    expect(prepareBuildFolder('wharf-fixture/busybox:1', data).written).toBe(true);
    expect(readFileSync(join(r.folder, 'Dockerfile'), 'utf8')).toMatch(/^FROM wharf-fixture\/busybox:1\n/);
  });

  it('keeps a Dockerfile the user changed, byte for byte', () => {
    const data = temp();
    const r = prepareBuildFolder('busybox', data);
    const mine = `${lessonDockerfile({ image: 'busybox' })}\nLABEL mine=yes\n`;
    writeFileSync(join(r.folder, 'Dockerfile'), mine);
    expect(prepareBuildFolder('busybox', data).written).toBe(false);
    expect(readFileSync(join(r.folder, 'Dockerfile'), 'utf8')).toBe(mine);
  });

  it('says SETTINGS_WRITE_FAILED, with the path, when the folder cannot be made', () => {
    const data = temp();
    writeFileSync(join(data, 'lessons'), 'a file where the folder would go');
    expect(() => prepareBuildFolder('busybox', data)).toThrow(
      expect.objectContaining({ code: 'SETTINGS_WRITE_FAILED', params: expect.objectContaining({ os: 'ENOTDIR' }) }),
    );
  });
});
