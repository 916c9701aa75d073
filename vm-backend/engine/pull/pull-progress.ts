// Folds the engine's pull progress stream (NDJSON lines) into per-layer and overall progress.
// Pure: unit-tested, and the renderer only draws what this computes.
import { type LayerProgress, type PullProgress, layerFraction } from '../../api/contract.pull';

export interface PullLine {
  status?: string;
  id?: string;
  progressDetail?: { current?: number; total?: number };
  errorDetail?: { code?: number; message?: string };
  error?: string;
}

const PHASES: Array<[RegExp, LayerProgress['phase']]> = [
  [/^Pulling fs layer/, 'waiting'],
  [/^Waiting/, 'waiting'],
  [/^Downloading/, 'downloading'],
  [/^Verifying Checksum/, 'downloading'],
  [/^Download complete/, 'downloaded'],
  [/^Extracting/, 'extracting'],
  [/^Pull complete/, 'done'],
  [/^Already exists/, 'done'],
];

export function emptyProgress(pull: string, ref: string): PullProgress {
  return { pull, ref, layers: [], fraction: 0, bytesDone: 0, bytesTotal: 0, state: 'running' };
}

/** Returns the next progress (a new object; layers copied on change). Unknown lines are ignored. */
export function applyPullLine(p: PullProgress, line: PullLine): PullProgress {
  const next: PullProgress = { ...p };
  if (line.errorDetail || line.error) {
    next.state = 'failed';
    next.errorText = line.errorDetail?.message ?? line.error ?? 'unknown error';
    return next;
  }
  const status = line.status ?? '';
  const digest = /^Digest: (sha256:[a-f0-9]{64})/.exec(status)?.[1];
  if (digest) next.digest = digest;
  if (/^Status: /.test(status)) next.status = status.slice('Status: '.length);
  const phase = PHASES.find(([re]) => re.test(status))?.[1];
  if (line.id && phase) {
    const layers = [...p.layers];
    const i = layers.findIndex((l) => l.id === line.id);
    const before = i >= 0 ? layers[i]! : { id: line.id, phase: 'waiting' as const, current: 0, total: 0, status: '' };
    const d = line.progressDetail ?? {};
    const layer: LayerProgress = {
      ...before,
      phase,
      status,
      current:
        typeof d.current === 'number'
          ? d.current
          : phase === 'downloaded' || phase === 'done'
            ? before.total
            : phase === 'extracting'
              ? 0
              : before.current,
      total: typeof d.total === 'number' && d.total > 0 ? d.total : before.total,
    };
    if (phase === 'extracting' && before.phase !== 'extracting') layer.downloaded = before.total;
    if (i >= 0) layers[i] = layer;
    else layers.push(layer);
    next.layers = layers;
  }
  return summarize(next);
}

function summarize(p: PullProgress): PullProgress {
  if (p.layers.length === 0) return p;
  let weighted = 0;
  let weights = 0;
  let done = 0;
  let total = 0;
  for (const l of p.layers) {
    const size = l.downloaded ?? l.total;
    const w = size > 0 ? size : 1;
    weighted += layerFraction(l) * w;
    weights += w;
    total += size;
    done += l.phase === 'downloading' ? Math.min(l.current, l.total || l.current) : l.phase === 'waiting' ? 0 : size;
  }
  return { ...p, fraction: weights > 0 ? weighted / weights : 0, bytesDone: done, bytesTotal: total };
}

/** The final state once the stream ended without an error line. */
export function finishProgress(p: PullProgress): PullProgress {
  if (p.state !== 'running') return p;
  const upToDate = /up to date/i.test(p.status ?? '');
  return { ...p, state: 'done', result: upToDate ? 'up-to-date' : 'downloaded', fraction: 1 };
}
