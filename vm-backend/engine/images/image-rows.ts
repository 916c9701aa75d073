import type { ImageInfo, ImageInspectInfo } from 'dockerode';
import type { ImageRow } from '../../api/types';

const NONE = new Set(['<none>:<none>', '<none>@<none>']);

function cleanTags(tags: string[] | null | undefined): string[] {
  return (tags ?? []).filter((t) => !NONE.has(t));
}

export function toImageRow(i: ImageInfo): ImageRow {
  return {
    id: i.Id,
    repoTags: cleanTags(i.RepoTags),
    repoDigests: cleanTags(i.RepoDigests),
    size: i.Size ?? 0,
    created: (i.Created ?? 0) * 1000,
  };
}

export function imageRowFromInspect(i: ImageInspectInfo): ImageRow {
  const created = Date.parse(i.Created);
  return {
    id: i.Id,
    repoTags: cleanTags(i.RepoTags),
    repoDigests: cleanTags(i.RepoDigests),
    size: i.Size ?? 0,
    created: Number.isFinite(created) ? created : 0,
  };
}
