import type { ContainerInfo } from 'dockerode';
import { describe, expect, it } from 'vitest';
import { toVolumeRow, usersByVolume } from './volume-rows';

const container = (id: string, name: string, state: string, mounts: { Type: string; Name?: string }[]) =>
  ({ Id: id, Names: [`/${name}`], State: state, Mounts: mounts }) as unknown as ContainerInfo;

describe('volume rows', () => {
  it('names each volume’s users, running or not, and ignores binds', () => {
    const users = usersByVolume([
      container('a'.repeat(64), 'web', 'running', [{ Type: 'volume', Name: 'data' }, { Type: 'bind' }]),
      container('b'.repeat(64), 'old', 'exited', [{ Type: 'volume', Name: 'data' }]),
    ]);
    expect(users.get('data')).toEqual([
      { id: 'a'.repeat(64), name: 'web', running: true },
      { id: 'b'.repeat(64), name: 'old', running: false },
    ]);
    expect(users.size).toBe(1);
  });

  it('marks a 64-hex name or the anonymous label as anonymous', () => {
    const base = { Driver: 'local', Mountpoint: '/m', Scope: 'local' as const, Options: null };
    expect(toVolumeRow({ ...base, Name: 'c'.repeat(64), Labels: {} }, []).anonymous).toBe(true);
    expect(toVolumeRow({ ...base, Name: 'x1', Labels: { 'com.docker.volume.anonymous': '' } }, []).anonymous).toBe(
      true,
    );
    const named = toVolumeRow({ ...base, Name: 'data', Labels: {}, CreatedAt: '2026-12-07T10:00:00Z' }, []);
    expect(named.anonymous).toBe(false);
    expect(named.created).toBe(Date.parse('2026-12-07T10:00:00Z'));
  });
});
