// Whether `docker build` on this engine would use BuildKit: an engine whose API has BuildKit
// (1.39 and later) and whose /_ping says its default builder is "2". Wharf builds with the classic
// builder's stream (it does not ask for version=2) and does not read BuildKit's progress, so the
// Build view says so on such an engine; the classic builder needs no note.
import type { EngineStatus } from '../types';

const BUILDKIT_API = [1, 39] as const;

export function buildsWithBuildKit(engine: Pick<EngineStatus, 'apiVersion' | 'builderVersion'> | null): boolean {
  if (engine?.builderVersion?.trim() !== '2') return false;
  const m = /^(\d+)\.(\d+)$/.exec(engine.apiVersion ?? '');
  if (!m) return false;
  const major = Number(m[1]);
  const minor = Number(m[2]);
  return major > BUILDKIT_API[0] || (major === BUILDKIT_API[0] && minor >= BUILDKIT_API[1]);
}
