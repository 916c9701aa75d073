import { describe, expect, it } from 'vitest';
import { runFormSchema } from '../../api/contract.run';
import { WharfError } from '../../api/errors';
import { emptyForm, portRow, type RunForm } from '../../api/rules/run-form';
import type { ContainerRow } from '../../api/types';
import { checkForm } from './run-create';
import type { EngineSession } from '../session';

const row: ContainerRow = {
  id: 'abc123abc123',
  name: 'web-1',
  image: 'img',
  imageId: 'sha256:x',
  command: '',
  state: 'running',
  status: '',
  statusAt: 0,
  created: 0,
  ports: [{ hostIp: '0.0.0.0', hostPort: 5000, containerPort: 80, protocol: 'tcp' }],
};
const session = { containers: { values: () => [row][Symbol.iterator]() } } as unknown as EngineSession;
const check = (f: RunForm): WharfError | null => {
  try {
    checkForm(f, session);
    return null;
  } catch (e) {
    expect(e).toBeInstanceOf(WharfError);
    return e as WharfError;
  }
};

describe('checkForm (the backend does not trust the renderer)', () => {
  it('refuses a bad field, a taken name and a port a container holds, naming the field', () => {
    expect(check({ ...emptyForm('img'), ports: [portRow('80', '0')] })?.params).toMatchObject({
      field: 'ports.0.hostPort',
      what: 'port_outOfRange',
    });
    expect(check({ ...emptyForm('img'), name: 'web-1' })?.params).toMatchObject({ field: 'name' });
    expect(check({ ...emptyForm('img'), ports: [portRow('80', '5000')] })?.params).toMatchObject({
      field: 'ports.0.hostPort',
      container: 'web-1',
    });
    expect(check({ ...emptyForm('img'), ports: [portRow('80', '5001'), portRow('81', '5001')] })?.code).toBe(
      'PORT_DUPLICATE',
    );
    expect(check({ ...emptyForm('img'), name: 'web-2', ports: [portRow('80', '5001')] })).toBeNull();
  });

  it('hostile input: the schema or the checks reject it with a reason, nothing throws otherwise', () => {
    let s = 7;
    const r = (): number => (s = (s * 1103515245 + 12345) >>> 0) / 2 ** 32;
    const junk = (): string =>
      Array.from(
        { length: Math.floor(r() * 12) },
        () =>
          ['0', '70000', 'a', ':', '/', '..', ' ', '"', '\u0000', '-', '5000', 'ro', '::1', 'é'][Math.floor(r() * 14)],
      ).join('');
    for (let i = 0; i < 3000; i++) {
      const input = {
        image: junk(),
        name: junk(),
        command: junk(),
        detached: r() < 0.5,
        interactive: r() < 0.5,
        restart: ['no', 'always', 'on-failure', 'bogus'][Math.floor(r() * 4)],
        restartMax: junk(),
        autoRemove: r() < 0.5,
        network: junk(),
        env: [{ key: junk(), value: junk() }],
        volumes: [{ kind: r() < 0.5 ? 'bind' : 'volume', source: junk(), target: junk(), readOnly: false }],
        ports: [{ hostIp: junk(), hostPort: junk(), containerPort: junk(), protocol: r() < 0.9 ? 'tcp' : 'sctp' }],
      };
      const parsed = runFormSchema.safeParse(input);
      if (!parsed.success) {
        expect(parsed.error.issues.length).toBeGreaterThan(0);
        continue;
      }
      const e = check(parsed.data);
      if (e) {
        expect(e.message.length).toBeGreaterThan(5);
        expect(String(e.params?.field ?? '')).not.toBe('');
      }
    }
  });
});
