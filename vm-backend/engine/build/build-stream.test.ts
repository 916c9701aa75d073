import { describe, expect, it } from 'vitest';
import type { BuildRecord } from '../../api/contract.build';
import { parseDockerfile } from '../../api/rules/build-dockerfile';
import { buildError } from './build-errors';
import { BuildStreamReader } from './build-stream';

const record = (): BuildRecord => ({
  id: 'build-x-1',
  target: 'local',
  folder: '/a',
  dockerfile: 'Dockerfile',
  tags: [],
  options: { buildArgs: [], noCache: false, pull: false },
  state: 'running',
  startedAt: 0,
  steps: [],
  exposes: [],
  logBytes: 0,
});

describe('BuildStreamReader', () => {
  it('turns the classic builder stream into timed steps with lines, cache hits and the image', () => {
    const r = record();
    const reader = new BuildStreamReader(r, parseDockerfile('FROM b\n\nRUN a \\\n  b\nCOPY . .\n').instructions);
    reader.apply({ stream: 'Step 1/3 : FROM b' }, 0);
    reader.apply({ stream: '\n' }, 1);
    reader.apply({ stream: 'Step 2/3 : RUN a   b' }, 10);
    const cached = reader.apply({ stream: ' ---> Using cache\n' }, 11);
    reader.apply({ stream: 'Step 3/3 : COPY . .' }, 40);
    reader.apply({ aux: { ID: 'sha256:abc' } }, 50);
    reader.apply({ stream: 'Successfully built abc\n' }, 55);
    expect(r.steps.map((s) => [s.n, s.total, s.line, s.ms, s.cached])).toEqual([
      [1, 3, 1, 10, false],
      [2, 3, 3, 30, true],
      [3, 3, 5, 15, false],
    ]);
    expect(cached).toContain('\x1b[32m');
    expect(r.imageId).toBe('sha256:abc');
  });

  it('keeps the error text and the step it stopped at', () => {
    const r = record();
    const reader = new BuildStreamReader(r, parseDockerfile('FROM b\nRUN false\n').instructions);
    reader.apply({ stream: 'Step 2/2 : RUN false' }, 0);
    const text = reader.apply(
      { errorDetail: { message: "The command '/bin/sh -c false' returned a non-zero code: 1" } },
      5,
    );
    expect(text).toContain('non-zero code: 1');
    const e = buildError(reader.errorText ?? '', reader.current);
    expect(e.toJSON()).toMatchObject({ code: 'BUILD_STEP_FAILED', params: { line: 2, code: 1, step: '2/2' } });
  });

  it('words the other failures by kind', () => {
    expect(buildError('Dockerfile parse error line 3: unknown instruction: FORM').code).toBe('BUILD_DOCKERFILE_SYNTAX');
    expect(buildError('COPY failed: file not found in build context').code).toBe('BUILD_COPY_MISSING');
    const from = { n: 1, total: 2, text: 'FROM nope:1', startedAt: 0, cached: false };
    expect(buildError('pull access denied for nope, repository does not exist', from).code).toBe('BUILD_BASE_IMAGE');
    expect(buildError('something else').code).toBe('BUILD_FAILED');
  });
});
