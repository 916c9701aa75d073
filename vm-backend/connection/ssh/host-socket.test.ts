import { describe, expect, it } from 'vitest';
import { contextName, hostSocketPlace } from './host-socket';

const name = contextName({ user: 'ann', host: 'build.example.com', port: 2222 });

describe('where the host Docker socket lives', () => {
  it('is a unix socket file in the data folder on Linux and macOS, with a unix:// endpoint', () => {
    for (const platform of ['linux', 'darwin'] as const) {
      expect(hostSocketPlace(platform, '/home/ann/.local/share/wharf', name)).toEqual({
        path: '/home/ann/.local/share/wharf/sock/ann-build.example.com-2222.sock',
        endpoint: 'unix:///home/ann/.local/share/wharf/sock/ann-build.example.com-2222.sock',
        pipe: false,
      });
    }
  });

  it('is a named pipe on Windows (as Docker Desktop does), with an npipe:// endpoint and nothing in the data folder', () => {
    expect(name).toBe('wharf-ann-build.example.com-2222');
    expect(hostSocketPlace('win32', 'C:\\Users\\ann\\AppData\\Roaming\\wharf', name)).toEqual({
      path: '\\\\.\\pipe\\wharf-ann-build.example.com-2222-docker',
      endpoint: 'npipe:////./pipe/wharf-ann-build.example.com-2222-docker',
      pipe: true,
    });
  });

  it('names the context (and so the pipe) with characters docker and Windows accept', () => {
    const v6 = contextName({ user: 'ann', host: 'fe80::1', port: 22 });
    expect(v6).toBe('wharf-ann-fe80--1-22');
    expect(hostSocketPlace('win32', 'C:\\x', v6).path).toBe('\\\\.\\pipe\\wharf-ann-fe80--1-22-docker');
  });
});
