import type { ImageRow, Listing, PrunePreview } from '../../api/types';
import { toWharfError } from '../errors';
import type { EngineSession } from '../session';

export function listImages(session: EngineSession): Listing<ImageRow> {
  session.client();
  return session.images.listing();
}

export async function removeImage(
  session: EngineSession,
  ref: string,
  force: boolean,
): Promise<{ untagged: string[]; deleted: string[] }> {
  try {
    const items = (await session.client().getImage(ref).remove({ force })) as { Untagged?: string; Deleted?: string }[];
    return {
      untagged: items.flatMap((i) => (i.Untagged ? [i.Untagged] : [])),
      deleted: items.flatMap((i) => (i.Deleted ? [i.Deleted] : [])),
    };
  } catch (err) {
    throw toWharfError(err, {
      subject: ref,
      containerName: session.containerName,
      containerRunning: session.containerRunning,
      endpoint: session.conn.endpoint,
    });
  }
}

/** Dangling images and the space removing them would free (their size, not shared layers). */
export async function prunePreview(session: EngineSession): Promise<PrunePreview> {
  try {
    const dangling = await session.client().listImages({ filters: { dangling: ['true'] } });
    const inUse = new Set([...session.containers.values()].map((c) => c.imageId));
    const images = dangling.filter((i) => !inUse.has(i.Id)).map((i) => ({ id: i.Id, size: i.Size ?? 0 }));
    return { images, bytes: images.reduce((s, i) => s + i.size, 0) };
  } catch (err) {
    throw toWharfError(err, { endpoint: session.conn.endpoint });
  }
}

export async function pruneImages(session: EngineSession): Promise<{ deleted: string[]; spaceReclaimed: number }> {
  try {
    const r = await session.client().pruneImages({ filters: { dangling: ['true'] } });
    return {
      deleted: (r.ImagesDeleted ?? []).flatMap((i) => (i.Deleted ? [i.Deleted] : [])),
      spaceReclaimed: r.SpaceReclaimed ?? 0,
    };
  } catch (err) {
    throw toWharfError(err, { endpoint: session.conn.endpoint });
  }
}
