import { describe, expect, it } from 'vitest';
import { toWharfError } from './errors';

// Shaped like docker-modem errors: statusCode + json.message + a misleading reason label.
const modem = (statusCode: number, message: string, reason = 'unexpected') =>
  Object.assign(new Error(`(HTTP code ${statusCode}) ${reason} - ${message} `), {
    statusCode,
    reason,
    json: { message },
  });
const sys = (code: string) => Object.assign(new Error(`connect ${code} /var/run/docker.sock`), { code });

describe('toWharfError', () => {
  it('maps a missing socket to ENGINE_UNREACHABLE with the endpoint', () => {
    const e = toWharfError(sys('ENOENT'), { endpoint: 'unix:///nope.sock' });
    expect(e.code).toBe('ENGINE_UNREACHABLE');
    expect(e.message).toContain('unix:///nope.sock');
    expect(e.detail).toContain('ENOENT');
  });
  it('maps EACCES to a permission error with the docker group hint', () => {
    const e = toWharfError(sys('EACCES'));
    expect(e.code).toBe('ENGINE_PERMISSION_DENIED');
    expect(e.hint).toContain('docker');
  });
  it('maps "no such container" by status and message, not the reason label', () => {
    const e = toWharfError(modem(404, 'No such container: abc', 'no such image'), { subject: 'web-1' });
    expect(e.code).toBe('CONTAINER_NOT_FOUND');
    expect(e.message).toContain('web-1');
  });
  it('maps "no such image"', () => {
    expect(toWharfError(modem(404, 'No such image: nope:1', 'no such container')).code).toBe('IMAGE_NOT_FOUND');
  });
  it('names the other container in a name conflict', () => {
    const e = toWharfError(
      modem(
        409,
        'Conflict. The container name "/web" is already in use by container "0123456789ab". You have to remove (or rename) that container to be able to reuse that name.',
      ),
    );
    expect(e.code).toBe('NAME_CONFLICT');
    expect(e.params).toEqual({ name: 'web' });
  });
  it('explains an image used by a running container, not forceable, naming the container', () => {
    const id = 'f'.repeat(64);
    const e = toWharfError(
      modem(
        409,
        `conflict: unable to delete 55793546ca23 (cannot be forced) - image is being used by running container ${id.slice(0, 12)}`,
      ),
      {
        containerName: (x) => (id.startsWith(x) ? 'web-1' : undefined),
      },
    );
    expect(e.code).toBe('IMAGE_IN_USE_RUNNING');
    expect(e.message).toContain('web-1');
    expect(e.forceable).toBeFalsy();
  });
  it('offers force for an image used by a stopped container', () => {
    const e = toWharfError(
      modem(
        409,
        'conflict: unable to remove repository reference "busybox:1" (must force) - container 0123456789ab is using its referenced image 55793546ca23',
      ),
    );
    expect(e.code).toBe('IMAGE_IN_USE_STOPPED');
    expect(e.forceable).toBe(true);
    expect(e.params?.container).toBe('0123456789ab');
  });
  it('says a tag used by a running container can only be untagged by force', () => {
    const e = toWharfError(
      modem(
        409,
        'conflict: unable to remove repository reference "x:1" (must force) - container 0123456789ab is using its referenced image 55793546ca23',
      ),
      {
        containerName: () => 'web-1',
        containerRunning: (x) => '0123456789ab'.startsWith(x),
      },
    );
    expect(e.code).toBe('IMAGE_TAG_IN_USE_RUNNING');
    expect(e.message).toContain('running container web-1');
    expect(e.forceable).toBe(true);
  });
  it('maps removing a running container (old and new daemon wording)', () => {
    for (const msg of [
      'You cannot remove a running container 0123. Stop the container before attempting removal or force remove',
      'cannot remove container "/x": container is running: stop the container before removing or force remove',
    ]) {
      const e = toWharfError(modem(409, msg), { subject: 'x' });
      expect(e.code).toBe('CONTAINER_RUNNING');
      expect(e.forceable).toBe(true);
    }
  });
  it('finds the port in "port is already allocated"', () => {
    const e = toWharfError(
      modem(
        500,
        'driver failed programming external connectivity on endpoint web (abc): Bind for 0.0.0.0:8080 failed: port is already allocated',
      ),
    );
    expect(e.code).toBe('PORT_IN_USE');
    expect(e.params?.port).toBe('8080');
  });
  it('keeps unknown failures with the engine words in detail', () => {
    const e = toWharfError(modem(500, 'something odd'));
    expect(e.code).toBe('ENGINE_ERROR');
    expect(e.detail).toBe('something odd');
  });
  it('never throws on junk', () => {
    for (const junk of [undefined, null, 42, 'text', {}, { statusCode: 'x', json: 5 }, []])
      expect(() => toWharfError(junk)).not.toThrow();
  });
});
