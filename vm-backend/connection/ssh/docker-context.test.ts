import { describe, expect, it } from 'vitest';
import { contextName, type ContextRow, staleContexts } from './docker-context';

const t = { user: 'root', host: '127.0.0.1', port: 41022 };

describe('the docker context name', () => {
  it('is wharf-<target> for a target the user named, and for the built-in VM', () => {
    expect(contextName(t, 'vm')).toBe('wharf-vm');
    expect(contextName(t, 'build.box')).toBe('wharf-build.box');
  });

  it('is wharf-<user>-<host>-<port> for an engine given on the command line', () => {
    expect(contextName(t)).toBe('wharf-root-127.0.0.1-41022');
    expect(contextName(t, 'command-line')).toBe('wharf-root-127.0.0.1-41022');
  });
});

describe('stale contexts', () => {
  const data = '/home/ann/.local/share/wharf';
  const row = (Name: string, over: Partial<ContextRow> = {}): ContextRow => ({
    Name,
    Description: 'Wharf: root@127.0.0.1:2222 over SSH',
    DockerEndpoint: `unix://${data}/sock/${Name.slice(6)}.sock`,
    Current: false,
    ...over,
  });
  const gone = (): boolean => false;

  it('are Wharf contexts on a socket of this data folder that no longer exists', () => {
    const rows = [
      row('wharf-root-127.0.0.1-2222'),
      row('wharf-vm'),
      row('default', { Description: 'x', DockerEndpoint: 'unix:///var/run/docker.sock' }),
    ];
    expect(staleContexts(rows, data, 'wharf-vm', gone)).toEqual(['wharf-root-127.0.0.1-2222']);
  });

  it('never the context in use, one still served, one of another data folder, or one the user made', () => {
    const rows = [
      row('wharf-a', { Current: true }),
      row('wharf-b'),
      row('wharf-c', { DockerEndpoint: 'unix:///other/wharf/sock/c.sock' }),
      row('wharf-d', { Description: 'my own' }),
      row('wharf-e', { DockerEndpoint: 'ssh://root@host' }),
    ];
    expect(staleContexts(rows, data, 'wharf-vm', (p) => p.endsWith('/b.sock'))).toEqual([]);
  });
});
