import type { ContainerInspectInfo } from 'dockerode';
import { describe, expect, it } from 'vitest';
import { emptyForm, portRow } from '../../api/rules/run-form';
import { fieldOf, portIn } from './run-create';
import { WharfError } from '../../api/errors';
import type { ErrorCode } from '../../api/error-codes';
import { formFromInspect, nextName, portBindings, toCreateOptions } from './run-spec';

describe('toCreateOptions', () => {
  it('maps the form to the Engine API create body', () => {
    const o = toCreateOptions({
      ...emptyForm('img:1'),
      name: 'web',
      interactive: true,
      autoRemove: true,
      network: 'n1',
      command: `sh -c 'echo hi'`,
      env: [
        { key: 'A', value: '1' },
        { key: '', value: 'ignored' },
      ],
      ports: [portRow('80', '5000'), portRow('53', '', 'udp', '0.0.0.0')],
      volumes: [{ kind: 'bind', source: '/h', target: '/c', readOnly: true }],
    });
    expect(o).toMatchObject({
      name: 'web',
      Image: 'img:1',
      Tty: true,
      OpenStdin: true,
      Env: ['A=1'],
      Cmd: ['sh', '-c', 'echo hi'],
      ExposedPorts: { '80/tcp': {}, '53/udp': {} },
      HostConfig: {
        PortBindings: {
          '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '5000' }],
          '53/udp': [{ HostIp: '0.0.0.0', HostPort: '' }],
        },
        Mounts: [{ Type: 'bind', Source: '/h', Target: '/c', ReadOnly: true }],
        AutoRemove: true,
        NetworkMode: 'n1',
        RestartPolicy: { Name: '' },
      },
    });
    expect(toCreateOptions(emptyForm('x')).Cmd).toBeUndefined();
  });
  it('expands ranges pairwise, and keeps a host range for one container port', () => {
    expect(portBindings([portRow('80-81', '5000-5001')]).bindings).toEqual({
      '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '5000' }],
      '81/tcp': [{ HostIp: '127.0.0.1', HostPort: '5001' }],
    });
    expect(portBindings([portRow('80', '5000-5010')]).bindings).toEqual({
      '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '5000-5010' }],
    });
  });
});

describe('Run another', () => {
  it('counts the name up, skipping names in use', () => {
    expect(nextName('web', new Set())).toBe('web-2');
    expect(nextName('web-2', new Set(['web-3']))).toBe('web-4');
    expect(nextName('', new Set())).toBe('');
  });
  it('reads the form back from inspect, without the image env and command', () => {
    const info = {
      Name: '/web',
      Image: 'sha256:abc',
      Config: { Image: 'img:1', Tty: false, OpenStdin: false, Env: ['PATH=/bin', 'A=1'], Cmd: ['httpd', '-f'] },
      HostConfig: {
        AutoRemove: false,
        RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 3 },
        NetworkMode: 'bridge',
        PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '5000' }] },
        Mounts: [{ Type: 'volume', Source: 'v', Target: '/d', ReadOnly: true }],
        Binds: ['/h:/c:ro'],
      },
    } as unknown as ContainerInspectInfo;
    expect(formFromInspect(info, ['PATH=/bin'], ['httpd', '-f'])).toEqual({
      ...emptyForm('img:1'),
      name: 'web',
      restart: 'on-failure',
      restartMax: '3',
      env: [{ key: 'A', value: '1' }],
      ports: [portRow('80', '5000')],
      volumes: [
        { kind: 'volume', source: 'v', target: '/d', readOnly: true },
        { kind: 'bind', source: '/h', target: '/c', readOnly: true },
      ],
    });
  });
});

describe('engine errors land on their field', () => {
  const form = {
    ...emptyForm('img'),
    ports: [portRow('80', '5000'), portRow('81', '5003')],
    volumes: [{ kind: 'bind' as const, source: '/nope', target: '/d', readOnly: false }],
  };
  const err = (code: ErrorCode, params: Record<string, string> = {}) =>
    new WharfError({ code, message: '', hint: '', detail: '', params });
  it('maps port, name, image, volume and command failures', () => {
    expect(
      portIn(
        'driver failed programming external connectivity on endpoint x: Bind for 0.0.0.0:5003 failed: port is already allocated',
      ),
    ).toBe('5003');
    expect(portIn('Error starting userland proxy: listen tcp4 127.0.0.1:5003: bind: address already in use')).toBe(
      '5003',
    );
    expect(fieldOf(err('PORT_IN_USE', { port: '5003' }), form, '')).toBe('ports.1.hostPort');
    expect(fieldOf(err('NAME_CONFLICT'), form, '')).toBe('name');
    expect(fieldOf(err('IMAGE_NOT_FOUND'), form, '')).toBe('image');
    expect(
      fieldOf(
        err('INVALID_REQUEST'),
        form,
        'invalid mount config for type "bind": bind source path does not exist: /nope',
      ),
    ).toBe('volumes.0.source');
    expect(fieldOf(err('ENGINE_ERROR'), form, 'exec: "nope": executable file not found in $PATH')).toBe('command');
  });
});

describe('limits in the create body', () => {
  it('sends the limits typed and reads them back for "Run another"', () => {
    const limits = { memory: '64m', memorySwap: '-1', cpus: '1.5', cpuShares: '', pidsLimit: '100' };
    const o = toCreateOptions({ ...emptyForm('img:1'), limits });
    expect(o.HostConfig).toMatchObject({ Memory: 64 << 20, MemorySwap: -1, NanoCpus: 1.5e9, PidsLimit: 100 });
    expect(o.HostConfig).not.toHaveProperty('CpuShares');
    const f = formFromInspect({
      Name: '/x',
      Config: { Image: 'img:1' },
      HostConfig: { Memory: 64 << 20, MemorySwap: -1, NanoCpus: 1.5e9, CpuShares: 0, PidsLimit: 100 },
    } as unknown as ContainerInspectInfo);
    expect(f.limits).toEqual(limits);
    expect(formFromInspect({ Name: '/y', Config: {}, HostConfig: {} } as unknown as ContainerInspectInfo).limits).toBe(
      undefined,
    );
  });
});
