// Folds the engine's push stream (NDJSON) into per-layer and overall progress. Pure.
import type { PushLayer, PushProgress } from '../../api/contract.push';

export interface PushLine {
  status?: string;
  id?: string;
  progressDetail?: { current?: number; total?: number };
  aux?: { Digest?: string };
  errorDetail?: { message?: string };
  error?: string;
}

const PHASES: Array<[RegExp, PushLayer['phase']]> = [
  [/^(Preparing|Waiting)/, 'waiting'],
  [/^Pushing/, 'pushing'],
  [/^(Pushed|Layer already exists|Mounted from)/, 'done'],
];

export const emptyPush = (push: string, ref: string): PushProgress => ({
  push,
  ref,
  layers: [],
  fraction: 0,
  bytesDone: 0,
  bytesTotal: 0,
  state: 'running',
});

export function applyPushLine(p: PushProgress, line: PushLine): PushProgress {
  if (line.errorDetail || line.error)
    return { ...p, state: 'failed', errorText: line.errorDetail?.message ?? line.error ?? 'unknown error' };
  const next: PushProgress = { ...p };
  const digest = line.aux?.Digest ?? /digest: (sha256:[a-f0-9]{64})/.exec(line.status ?? '')?.[1];
  if (digest) next.digest = digest;
  const status = line.status ?? '';
  const phase = PHASES.find(([re]) => re.test(status))?.[1];
  if (!line.id || !phase) return next;
  const layers = [...p.layers];
  const i = layers.findIndex((l) => l.id === line.id);
  const before: PushLayer = layers[i] ?? { id: line.id, phase: 'waiting', status: '', current: 0, total: 0 };
  const d = line.progressDetail ?? {};
  const total = typeof d.total === 'number' && d.total > 0 ? d.total : before.total;
  const layer: PushLayer = {
    ...before,
    phase,
    status,
    total,
    current: phase === 'done' ? total : typeof d.current === 'number' ? d.current : before.current,
  };
  if (i >= 0) layers[i] = layer;
  else layers.push(layer);
  next.layers = layers;
  let done = 0;
  let all = 0;
  let weighted = 0;
  for (const l of layers) {
    all += l.total;
    done += l.phase === 'done' ? l.total : Math.min(l.current, l.total || l.current);
    weighted += l.phase === 'done' ? 1 : l.total > 0 ? Math.min(1, l.current / l.total) : 0;
  }
  next.bytesDone = done;
  next.bytesTotal = all;
  next.fraction = all > 0 ? done / all : layers.length ? weighted / layers.length : 0;
  return next;
}
