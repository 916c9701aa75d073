// The stream registry, plus who owns each stream, so a switch of engines can tell every window
// that its logs and shells ended (instead of leaving them silent on a closed engine).
import type { WharfErrorShape } from '../api/types';
import type { ClientLink } from '../api/client-link';
import { type StreamHandle, StreamRegistry } from '../engine/streams/streams';

export class ScopeStreams extends StreamRegistry {
  private readonly owners = new Map<string, ClientLink>();

  override add(id: string, client: ClientLink, handle: StreamHandle): void {
    super.add(id, client, handle);
    this.owners.set(id, client);
  }

  override remove(id: string): void {
    this.owners.delete(id);
    super.remove(id);
  }

  /** Closes every stream, then tells its window it ended with `error` (logs: end, shells: exit). */
  endAll(error: WharfErrorShape): number {
    const ended = [...this.owners];
    this.closeAll();
    for (const [stream, client] of ended) {
      try {
        if (stream.startsWith('exec-')) client.send('exec:exit', { stream, exitCode: null, error });
        else client.send('logs:end', { stream, reason: 'error', error });
      } catch {
        // A window that went away has nothing to be told.
      }
    }
    return ended.length;
  }
}
