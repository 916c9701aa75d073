// Small questions the lessons' checks ask of the lists: by name, by image, by published port.
import type { ContainerRow, ImageRow } from '../../../vm-backend/api/types';

/** `hello-world` and `hello-world:latest` are the same image; a digest or a tag is kept. */
export function normalRef(ref: string): string {
  const r = ref.trim();
  if (r.includes('@')) return r;
  const slash = r.lastIndexOf('/');
  return r.slice(slash + 1).includes(':') ? r : `${r}:latest`;
}

export const containerNamed = (rows: readonly ContainerRow[], name: string): ContainerRow | undefined =>
  rows.find((c) => c.name === name);

export const hasImage = (rows: readonly ImageRow[], ref: string): boolean => {
  const want = normalRef(ref);
  return rows.some((i) => i.repoTags.includes(want));
};

/** Same repository, another tag: "close but different". */
export function otherTagOf(rows: readonly ImageRow[], ref: string): string | undefined {
  const want = normalRef(ref);
  const repo = want.slice(0, want.lastIndexOf(':'));
  return rows.flatMap((i) => i.repoTags).find((t) => t !== want && t.slice(0, t.lastIndexOf(':')) === repo);
}

export const fromImage = (c: ContainerRow, ref: string): boolean => normalRef(c.image) === normalRef(ref);

export const publishes = (c: ContainerRow, hostPort: number): boolean => c.ports.some((p) => p.hostPort === hostPort);

export const publishedPorts = (c: ContainerRow): number[] =>
  [...new Set(c.ports.flatMap((p) => (p.hostPort ? [p.hostPort] : [])))].sort((a, b) => a - b);
