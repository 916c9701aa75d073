import { describe, expect, it } from 'vitest';
import { modeText } from './FileBrowser';
import { cpInCli, cpOutCli } from './files-actions';

describe('docker cp made visible', () => {
  it('a container path out and a file in', () => {
    expect(cpOutCli({ kind: 'container', id: 'abc' }, 'web', '/etc/hosts')).toBe('docker cp web:/etc/hosts .');
    expect(cpInCli({ kind: 'container', id: 'abc' }, 'web', 'my file.txt', '/tmp')).toBe(
      "docker cp 'my file.txt' web:/tmp",
    );
  });
  it('a volume through a helper container, as Wharf does it', () => {
    expect(cpOutCli({ kind: 'volume', name: 'data' }, 'data', '/note.txt')).toBe(
      'docker container create --name wharf-cp -v data:/v busybox && docker cp wharf-cp:/v/note.txt . && docker rm wharf-cp',
    );
  });
  it('shows modes as ls does', () => {
    expect(modeText('dir', 0o755)).toBe('drwxr-xr-x');
    expect(modeText('file', 0o644)).toBe('-rw-r--r--');
    expect(modeText('link', 0o777)).toBe('lrwxrwxrwx');
  });
});
