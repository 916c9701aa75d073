// Where a files call reads: a container as it is, or a volume through a helper container created
// (never started) from an image already on the engine, with the volume at /v, removed afterwards.
// The archive API works on a container that never ran and needs no tool in its image.
import type { FileOwner } from '../../api/contract.files';
import type { EngineSession } from '../session';
import { volumeError } from '../volumes/volume-errors';
import { fileError, noHelperImage } from './file-errors';

export const VOLUME_MOUNT = '/v';
export const HELPER_LABEL = 'wharf.helper';

export interface OpenedOwner {
  /** The container the archive calls go to. */
  id: string;
  /** Its name for `docker cp` (the volume's name for a volume). */
  name: string;
  /** Prepended to every path: '' for a container, '/v' for a volume. */
  prefix: string;
  running: boolean;
  release(): Promise<void>;
}

export async function openOwner(session: EngineSession, owner: FileOwner): Promise<OpenedOwner> {
  const docker = session.client();
  const endpoint = session.conn.endpoint;
  if (owner.kind === 'container') {
    const info = await docker
      .getContainer(owner.id)
      .inspect()
      .catch((e: unknown) => {
        throw fileError(e, owner, '/', endpoint);
      });
    return {
      id: info.Id,
      name: info.Name.replace(/^\//, ''),
      prefix: '',
      running: Boolean(info.State?.Running) && !info.State?.Paused,
      release: async () => {},
    };
  }
  // A helper's mount would make a missing volume: make sure it exists first.
  await docker
    .getVolume(owner.name)
    .inspect()
    .catch((e: unknown) => {
      throw volumeError(e, owner.name, endpoint);
    });
  const image = helperImage(session);
  if (!image) throw noHelperImage();
  const helper = await docker
    .createContainer({
      Image: image,
      Entrypoint: ['/wharf-files-helper-never-started'],
      Cmd: [],
      Labels: { [HELPER_LABEL]: 'files' },
      NetworkDisabled: true,
      HostConfig: { Mounts: [{ Type: 'volume', Source: owner.name, Target: VOLUME_MOUNT }] },
    })
    .catch((e: unknown) => {
      throw fileError(e, owner, '/', endpoint);
    });
  return {
    id: helper.id,
    name: owner.name,
    prefix: VOLUME_MOUNT,
    running: false,
    release: () =>
      helper
        .remove({ force: true })
        .then(() => {})
        .catch(() => {}),
  };
}

/** The smallest image on the engine (any will do: the helper never runs). */
function helperImage(session: EngineSession): string | undefined {
  const rows = session.images.listing().rows;
  return [...rows].sort((a, b) => a.size - b.size)[0]?.id;
}

/** Runs `fn` with the owner open and always releases it (a volume's helper is removed). */
export async function withOwner<T>(
  session: EngineSession,
  owner: FileOwner,
  fn: (o: OpenedOwner) => Promise<T>,
): Promise<T> {
  const o = await openOwner(session, owner);
  try {
    return await fn(o);
  } finally {
    await o.release();
  }
}
