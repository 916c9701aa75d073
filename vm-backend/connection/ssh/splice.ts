import type { Socket } from 'node:net';
import type { ClientChannel } from 'ssh2';

/**
 * Joins a local socket and an SSH channel both ways once the channel opens (half-close kept:
 * `docker run -i` ends stdin and still reads the output); either end closing closes the other.
 * A channel that fails to open closes the socket.
 */
export function splice(sock: Socket, channel: Promise<ClientChannel>): void {
  sock.on('error', () => sock.destroy());
  channel.then(
    (ch) => {
      if (sock.destroyed) return void ch.resume().destroy(); // unread and not ended, a channel never emits 'close'
      ch.on('error', () => sock.destroy());
      ch.once('close', () => sock.destroy());
      sock.once('close', () => ch.unpipe(sock).resume().destroy()); // drained, or it never closes
      sock.pipe(ch);
      ch.pipe(sock);
      sock.resume();
    },
    () => sock.destroy(),
  );
}
