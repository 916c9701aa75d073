import { describe, expect, it } from 'vitest';
import { contextName } from '../../../vm-backend/connection/ssh/docker-context';
import { parseSshTarget } from '../../../vm-backend/connection/ssh/target';
import { addressOf, cli, dockerContextOf, quote } from './target-cli';

describe('target commands', () => {
  it('name the docker context exactly as the host socket registers it', () => {
    for (const e of ['ssh://me@127.0.0.1:2222', 'ssh://deploy@build.example.com:22', 'ssh://a_b@[::1]:2200']) {
      expect(dockerContextOf({ name: 'build.box', engine: e }), e).toBe(contextName(parseSshTarget(e), 'build.box'));
      expect(dockerContextOf({ name: 'command-line', engine: e }), e).toBe(
        contextName(parseSshTarget(e), 'command-line'),
      );
    }
    expect(dockerContextOf({ name: 'build.box', engine: 'ssh://me@h:22' })).toBe('wharf-build.box');
    expect(dockerContextOf({ name: 'command-line', engine: 'ssh://a_b@[::1]:2200' })).toBe('wharf-a_b---1-2200');
    expect(dockerContextOf({ name: 'local', engine: 'local' })).toBe('default');
    expect(dockerContextOf({ name: 'vm', engine: 'vm' })).toBe('wharf-vm');
  });
  it('write each action as a command', () => {
    expect(cli.add('box', 'ssh://me@h:22', '/home/me/.ssh/id_ed25519')).toBe(
      'wharf context add box ssh://me@h:22 --identity /home/me/.ssh/id_ed25519',
    );
    expect(cli.add('box', 'ssh://me@h:22')).toBe('wharf context add box ssh://me@h:22');
    expect(cli.use({ name: 'box', engine: 'ssh://me@h:22' })).toBe(
      'wharf context use box && docker context use wharf-box',
    );
    expect(cli.use({ name: 'local', engine: 'local' })).toBe('wharf context use local && docker context use default');
    expect(cli.test('box')).toBe('wharf context test box');
    expect(cli.remove('box')).toBe('wharf context rm box');
    expect(addressOf('ssh://me@h:22')).toBe('me@h:22');
  });
  it('quote what a shell would split or expand', () => {
    expect(quote('/keys/my key')).toBe("'/keys/my key'");
    expect(quote("it's")).toBe("'it'\\''s'");
    expect(quote('$(id)')).toBe("'$(id)'");
  });
});
