import type { ContainerRow, ImageRow } from '../../../vm-backend/api/types';

export interface ImageItem {
  key: string;
  image: ImageRow;
  repository: string;
  tag: string;
  /** What `docker image rm` gets: repo:tag, or the id for a dangling image. */
  ref: string;
  dangling: boolean;
  usedBy: string[];
}

/** "registry:5000/a/b:tag" -> ["registry:5000/a/b", "tag"] (the last ':' after the last '/'). */
export function splitRef(ref: string): [string, string] {
  const slash = ref.lastIndexOf('/');
  const colon = ref.lastIndexOf(':');
  return colon > slash ? [ref.slice(0, colon), ref.slice(colon + 1)] : [ref, 'latest'];
}

/** One item per tag, as `docker image ls` shows them; a dangling image is one item. */
export function toImageItems(
  images: Iterable<ImageRow>,
  containers: Iterable<ContainerRow>,
  query: string,
): ImageItem[] {
  const users = new Map<string, string[]>();
  for (const c of containers) {
    const list = users.get(c.imageId);
    if (list) list.push(c.name);
    else users.set(c.imageId, [c.name]);
  }
  const q = query.trim().toLowerCase();
  const qId = q.replace(/^sha256:/, '');
  const out: ImageItem[] = [];
  for (const image of images) {
    const usedBy = (users.get(image.id) ?? []).sort();
    const refs = image.repoTags.length ? image.repoTags : [null];
    for (const ref of refs) {
      // Untagged: `docker image ls` still names the repository a digest points into.
      const digestRepo = image.repoDigests[0]?.split('@')[0];
      const [repository, tag] = ref ? splitRef(ref) : [digestRepo || '<none>', '<none>'];
      const item: ImageItem = {
        key: `${image.id}|${ref ?? ''}`,
        image,
        repository,
        tag,
        ref: ref ?? image.id,
        dangling: !ref,
        usedBy,
      };
      if (!q || (ref ?? digestRepo)?.toLowerCase().includes(q) || image.id.replace('sha256:', '').startsWith(qId))
        out.push(item);
    }
  }
  return out.sort(
    (a, b) =>
      a.repository.localeCompare(b.repository) || b.image.created - a.image.created || a.tag.localeCompare(b.tag),
  );
}

/** Disk used by the distinct images (each image once, whatever its number of tags). */
export function totalSize(images: Iterable<ImageRow>): number {
  let n = 0;
  for (const i of images) n += i.size;
  return n;
}
