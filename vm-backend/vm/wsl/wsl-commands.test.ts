import { describe, expect, it } from 'vitest';
import {
  distroName,
  dockerdArgs,
  importArgs,
  installDir,
  parseList,
  sshdArgs,
  terminateArgs,
  unregisterArgs,
} from './wsl-commands';

const dir = 'C:\\Users\\a\\AppData\\Roaming\\Wharf\\vms\\default';

describe('WSL2 command lines', () => {
  it('names one distribution per VM folder', () => {
    const d = distroName(dir, 'default');
    expect(d).toMatch(/^wharf-default-[0-9a-f]{8}$/);
    expect(distroName('D:\\other\\vms\\default', 'default')).not.toBe(d);
    expect(distroName(dir, 'my vm/../x')).toMatch(/^wharf-my-vm----x-[0-9a-f]{8}$/);
  });

  it('imports the image as a WSL2 distribution whose disk lives in the VM folder', () => {
    expect(importArgs('wharf-default-1', installDir(dir), 'C:\\cache\\rootfs.tar')).toEqual([
      '--import',
      'wharf-default-1',
      `${dir}\\wsl`,
      'C:\\cache\\rootfs.tar',
      '--version',
      '2',
    ]);
  });

  it('starts sshd on the forwarded port and dockerd on its Unix socket only, as root in that distribution', () => {
    const ssh = sshdArgs('wharf-d', 2222);
    expect(ssh.slice(0, 6)).toEqual(['-d', 'wharf-d', '-u', 'root', '--exec', '/usr/sbin/sshd']);
    expect(ssh).toEqual(expect.arrayContaining(['-D', '-p', '2222', 'ListenAddress=127.0.0.1']));
    const docker = dockerdArgs('wharf-d');
    expect(docker.slice(0, 6)).toEqual(['-d', 'wharf-d', '-u', 'root', '--exec', '/usr/bin/dockerd']);
    expect(docker.filter((a) => a.startsWith('tcp:'))).toEqual([]);
    expect(docker).toContain('unix:///var/run/docker.sock');
  });

  it('stops without losing data, and deletes only when asked', () => {
    expect(terminateArgs('wharf-d')).toEqual(['--terminate', 'wharf-d']);
    expect(unregisterArgs('wharf-d')).toEqual(['--unregister', 'wharf-d']);
  });

  it('reads `wsl --list --verbose` in UTF-16LE, with the default marked by *', () => {
    const text =
      '\uFEFF  NAME              STATE           VERSION\r\n* Ubuntu            Stopped         2\r\n  wharf-default-1   Running         2\r\n';
    const rows = parseList(Buffer.from(text, 'utf16le'));
    expect(rows.get('wharf-default-1')).toEqual({ state: 'Running', version: 2 });
    expect(rows.get('Ubuntu')).toEqual({ state: 'Stopped', version: 2 });
    expect(rows.size).toBe(2);
    expect(parseList('').size).toBe(0);
  });
});
