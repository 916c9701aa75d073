import { describe, expect, it } from 'vitest';
import { parseEngine } from './args';
import { describeStatus, parseVmSettings } from './vm-command';

describe('wharf vm', () => {
  it('parses resource options and refuses bad ones', () => {
    expect(parseVmSettings(['--cpus', '2', '--memory', '2048', '--disk', '16', '--no-network'])).toEqual({ cpus: 2, memoryMiB: 2048, diskGiB: 16, network: false });
    expect(() => parseVmSettings(['--cpus', 'two'])).toThrow(/whole number/);
    expect(() => parseVmSettings(['--gpu'])).toThrow(/unknown option/);
  });
  it('status names the state, the way out and the uptime', () => {
    const text = describeStatus({ name: 'default', state: 'error', progress: 'x', since: 0, problem: { code: 'VM_EXITED', message: 'The VM stopped unexpectedly.', hint: 'Start it again.' } });
    expect(text).toContain('way out: Start it again.');
    expect(describeStatus({ name: 'default', state: 'running', progress: 'Running', since: 0, bootedAt: 1000, sshPort: 2222 }, 61_000)).toMatch(/uptime: 60 s[\s\S]*|ssh: root@127.0.0.1:2222/);
  });
  it('--engine vm is accepted', () => {
    expect(parseEngine('vm')).toBe('vm');
  });
});
