// Where a files call reads: a container as it is, or a volume through a helper container created
// (never started) from an image already on the engine, with the volume at /v, removed afterwards.
// The archive API works on a container that never ran and needs no tool in its image.
import type Docker from 'dockerode';
import type { FileOwner } from '../../api/contract.files';
import { readFailure } from '../errors';
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
  /** A container's image id and mount points (listing a stopped one from its image); none for a volume. */
  image?: string;
  mounts?: string[];
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
      image: info.Image,
      mounts: (info.Mounts ?? []).map((m) => m.Destination),
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
  const helper = await createHelper(session, owner.name).catch((e: unknown) => {
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

/** A helper from the smallest image on the engine (any will do: it never runs); an image removed
 *  since the list was read is skipped for the next one. */
async function createHelper(session: EngineSession, volume: string): Promise<Docker.Container> {
  const images = [...session.images.listing().rows].sort((a, b) => a.size - b.size).slice(0, 5);
  if (!images.length) throw noHelperImage();
  let last: unknown;
  for (const image of images) {
    try {
      return await session.client().createContainer({
        Image: image.id,
        Entrypoint: ['/wharf-files-helper-never-started'],
        Cmd: [],
        Labels: { [HELPER_LABEL]: 'files' },
        NetworkDisabled: true,
        HostConfig: { Mounts: [{ Type: 'volume', Source: volume, Target: VOLUME_MOUNT }] },
      });
    } catch (e) {
      last = e;
      if (!/no such image/i.test(readFailure(e).message)) throw e;
    }
  }
  throw last;
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
