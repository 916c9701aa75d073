import { describe, expect, it } from 'vitest';
import { emptyForm, portRow } from '../../../vm-backend/api/rules/run-form';
import type { ContainerRow } from '../../../vm-backend/api/types';
import { formProblems } from './field-errors';

const web1: ContainerRow = {
  id: 'c1',
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

describe('formProblems', () => {
  it('puts each problem on its field: name taken, port used by a container, by a program, twice', () => {
    const f = {
      ...emptyForm('img'),
      name: 'web-1',
      ports: [portRow('80', '5000'), portRow('80', '6000'), portRow('81', '6000')],
    };
    const p = formProblems(f, [web1], [{ ip: '127.0.0.1', port: 6000, protocol: 'tcp' }]);
    expect(Object.fromEntries(Object.entries(p).map(([k, v]) => [k, [v.code, v.params]]))).toEqual({
      name: ['nameTaken', { name: 'web-1' }],
      'ports.0.hostPort': ['portByContainer', { port: 5000, container: 'web-1' }],
      'ports.1.hostPort': ['portByProcess', { port: 6000 }],
      'ports.2.hostPort': ['portDuplicate', { port: 6000, row: 2 }],
    });
  });
  it('names a program on this computer (where a remote engine is forwarded) whatever address the row binds', () => {
    const f = { ...emptyForm('img'), ports: [{ ...portRow('80', '5001'), hostIp: '0.0.0.0' }, portRow('81', '5002')] };
    const here = [
      { ip: '127.0.0.1', port: 5001, protocol: 'tcp' as const, here: true },
      { ip: '::1', port: 5002, protocol: 'tcp' as const, here: true },
    ];
    const p = formProblems(f, [], here);
    expect(Object.fromEntries(Object.entries(p).map(([k, v]) => [k, [v.code, v.params]]))).toEqual({
      'ports.0.hostPort': ['portByProgramHere', { port: 5001 }],
      'ports.1.hostPort': ['portByProgramHere', { port: 5002 }],
    });
  });
  it('reports a bad value rather than a conflict on the same field', () => {
    expect(
      formProblems({ ...emptyForm('img'), ports: [portRow('80', '70000')] }, [web1], [])['ports.0.hostPort']?.code,
    ).toBe('port_outOfRange');
  });
});
