// What a click in the images view and its dialogs does: each call records its docker command
// (the CLI bar) and answers with what to show.
import { WharfError } from '../../../vm-backend/api/errors';
import { dockerCli } from '../../../vm-backend/api/rules/cli';
import type { PrunePreview, WharfErrorShape } from '../../../vm-backend/api/types';
import type { Bridge } from '../../bridge/types';
import { runAction } from '../../components/run-action';
import { shortId } from '../../lib/format';
import type { ImageItem } from './image-items';

/** How an image is named to the user and in its command: a dangling one by its short id. */
export const shownRef = (item: ImageItem): string => (item.dangling ? shortId(item.ref) : item.ref);

/** Removes the image (only the tag, when others remain); answers the refusal, or null when it went. */
export async function removeImage(bridge: Bridge, item: ImageItem, force: boolean): Promise<WharfErrorShape | null> {
  const r = await runAction(dockerCli.imageRemove(shownRef(item), force), () =>
    bridge.call('images:remove', { ref: item.ref, force }),
  );
  return r.error ?? null;
}

/** What a prune would remove; a refusal other than a WharfError leaves the preview loading. */
export function loadPrunePreview(bridge: Bridge): Promise<{ preview?: PrunePreview; error?: WharfErrorShape }> {
  return bridge.call('images:prune-preview', {}).then(
    (preview) => ({ preview }),
    (e: unknown) => (e instanceof WharfError ? { error: e.toJSON() } : {}),
  );
}

/** Removes the dangling images; answers how many went and the space freed, or the refusal. */
export async function pruneImages(
  bridge: Bridge,
): Promise<{ done?: { count: number; bytes: number }; error?: WharfErrorShape }> {
  const r = await runAction(dockerCli.imagePrune(), () => bridge.call('images:prune', {}));
  if (r.error) return { error: r.error };
  return r.value ? { done: { count: r.value.deleted.length, bytes: r.value.spaceReclaimed } } : {};
}
