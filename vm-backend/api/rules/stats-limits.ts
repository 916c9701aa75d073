// Resource limits as a beginner types them (the run dialog and "docker update"): "64m", "1.5",
// "512"... Checked the way the engine would, before anything is sent, and turned into the engine's
// HostConfig fields and the `docker` flags that stand for them. Pure: the window and the backend
// share it.

export interface RunLimits {
  /** --memory, e.g. "64m"; "" for no limit. */
  memory: string;
  /** --memory-swap (memory + swap), e.g. "128m", or "-1" for unlimited swap; "" for the default. */
  memorySwap: string;
  /** --cpus, e.g. "0.5". */
  cpus: string;
  /** --cpu-shares, a relative weight (1024 is the default). */
  cpuShares: string;
  /** --pids-limit, e.g. "100", or "-1" for none. */
  pidsLimit: string;
}

export type LimitField = keyof RunLimits;

export const LIMIT_FIELDS: readonly LimitField[] = ['memory', 'memorySwap', 'cpus', 'cpuShares', 'pidsLimit'];

/** The `docker run` / `docker update` flag of each field. */
export const LIMIT_FLAGS: Readonly<Record<LimitField, string>> = {
  memory: '--memory',
  memorySwap: '--memory-swap',
  cpus: '--cpus',
  cpuShares: '--cpu-shares',
  pidsLimit: '--pids-limit',
};

/** The engine refuses less: "Minimum memory limit allowed is 6MB" (daemon/daemon_unix.go). */
export const MIN_MEMORY_BYTES = 6 * 1024 * 1024;

export function emptyLimits(): RunLimits {
  return { memory: '', memorySwap: '', cpus: '', cpuShares: '', pidsLimit: '' };
}

const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 };

/** "64m", "1g", "512k", "1048576" -> bytes, as the docker CLI reads them (binary units); null if unreadable. */
export function parseBytes(text: string): number | null {
  const m = /^(\d+(?:\.\d+)?)\s*([bkmgt]?)(?:i?b)?$/i.exec(text.trim());
  if (!m?.[1]) return null;
  const bytes = Math.floor(Number(m[1]) * (UNITS[(m[2] ?? '').toLowerCase()] ?? Number.NaN));
  return Number.isSafeInteger(bytes) ? bytes : null;
}

/** 67108864 -> "64 MiB". */
export function formatBytes(n: number): string {
  if (!Number.isFinite(n) || n < 0) return '-';
  const steps = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < steps.length - 1) {
    v /= 1024;
    i++;
  }
  return `${i === 0 ? v : v < 10 ? v.toFixed(1) : Math.round(v)} ${steps[i]}`;
}

export interface LimitProblem {
  field: LimitField;
  /** A key under `limits.problem.` in the window's catalogs. */
  key: string;
  message: string;
  params?: Record<string, string | number>;
}

export interface LimitsContext {
  /** CPUs of the engine's host: --cpus above it is refused. */
  hostCpus?: number;
  /** The container's memory limit now (bytes; 0 = none), for a swap-only change in `docker update`. */
  currentMemory?: number;
}

/** Every problem with `l`, each on its field; [] when the engine would take it. */
export function validateLimits(l: RunLimits, ctx: LimitsContext = {}): LimitProblem[] {
  const out: LimitProblem[] = [];
  const add = (field: LimitField, key: string, message: string, params?: Record<string, string | number>): void => {
    out.push({ field, key, message, ...(params ? { params } : {}) });
  };
  const memory = l.memory.trim() ? parseBytes(l.memory) : 0;
  if (memory === null) add('memory', 'memoryFormat', 'Write the memory as a number with a unit, like 64m or 1g.');
  else if (memory > 0 && memory < MIN_MEMORY_BYTES)
    add('memory', 'memoryTooLow', 'The engine needs at least 6 MB of memory for a container (6m).');
  const swapText = l.memorySwap.trim();
  if (swapText && swapText !== '-1') {
    const swap = parseBytes(swapText);
    const base = memory || ctx.currentMemory || 0;
    if (swap === null) add('memorySwap', 'swapFormat', 'Write memory+swap like 128m, or -1 for unlimited swap.');
    else if (!base) add('memorySwap', 'swapNeedsMemory', 'Set a memory limit too: memory+swap counts from it.');
    else if (swap < base)
      add('memorySwap', 'swapBelowMemory', 'Memory+swap is the total: it cannot be less than the memory limit.');
  }
  if (l.cpus.trim()) {
    const cpus = /^\d+(\.\d+)?$/.test(l.cpus.trim()) ? Number(l.cpus) : Number.NaN;
    if (!(cpus > 0)) add('cpus', 'cpusFormat', 'Write the CPUs as a number above 0, like 0.5 or 2.');
    else if (ctx.hostCpus && cpus > ctx.hostCpus)
      add('cpus', 'cpusTooMany', `The engine's computer has only ${ctx.hostCpus} CPUs.`, { count: ctx.hostCpus });
    else if (cpus < 0.01) add('cpus', 'cpusTooLow', 'The smallest CPU share the engine takes is 0.01.');
  }
  if (l.cpuShares.trim()) {
    const s = /^\d{1,7}$/.test(l.cpuShares.trim()) ? Number(l.cpuShares) : Number.NaN;
    if (!(s >= 2 && s <= 262144)) add('cpuShares', 'sharesRange', 'CPU shares is a whole number from 2 to 262144.');
  }
  const pids = l.pidsLimit.trim();
  if (pids && pids !== '-1' && !(/^\d{1,9}$/.test(pids) && Number(pids) > 0))
    add('pidsLimit', 'pidsFormat', 'The process limit is a whole number above 0, or -1 for none.');
  return out;
}

/** The HostConfig fields the set limits stand for (for create and for POST /containers/{id}/update). */
export interface LimitResources {
  Memory?: number;
  MemorySwap?: number;
  NanoCpus?: number;
  CpuShares?: number;
  PidsLimit?: number;
}

/** Only the fields that were filled in; call validateLimits first. */
export function limitResources(l: RunLimits): LimitResources {
  const r: LimitResources = {};
  const memory = l.memory.trim() ? parseBytes(l.memory) : null;
  if (memory) r.Memory = memory;
  const swap = l.memorySwap.trim();
  if (swap === '-1') r.MemorySwap = -1;
  else if (swap) r.MemorySwap = parseBytes(swap) ?? undefined;
  if (l.cpus.trim()) r.NanoCpus = Math.round(Number(l.cpus) * 1e9);
  if (l.cpuShares.trim()) r.CpuShares = Number(l.cpuShares);
  if (l.pidsLimit.trim()) r.PidsLimit = Number(l.pidsLimit);
  for (const k of Object.keys(r) as (keyof LimitResources)[]) if (r[k] === undefined) delete r[k];
  return r;
}

/** ["--memory", "64m", "--cpus", "0.5"]: the flags, in the order of the fields, as typed. */
export function limitFlags(l: RunLimits): string[] {
  const a: string[] = [];
  for (const f of LIMIT_FIELDS) if (l[f].trim()) a.push(LIMIT_FLAGS[f], l[f].trim());
  return a;
}

/** 67108864 -> "64m": the shortest exact way to write it as a flag value. */
export function bytesFlag(n: number): string {
  for (const [unit, size] of [
    ['g', 1024 ** 3],
    ['m', 1024 ** 2],
    ['k', 1024],
  ] as const)
    if (n >= size && n % size === 0) return `${n / size}${unit}`;
  return String(n);
}

/** The limits a container holds (its HostConfig), written as the fields' text; "" where none. */
export function limitsFromHostConfig(hc: LimitResources | undefined): RunLimits {
  const l = emptyLimits();
  if (!hc) return l;
  if (hc.Memory && hc.Memory > 0) l.memory = bytesFlag(hc.Memory);
  if (hc.MemorySwap === -1) l.memorySwap = '-1';
  else if (hc.MemorySwap && hc.MemorySwap > 0) l.memorySwap = bytesFlag(hc.MemorySwap);
  if (hc.NanoCpus && hc.NanoCpus > 0) l.cpus = String(hc.NanoCpus / 1e9);
  if (hc.CpuShares && hc.CpuShares > 0) l.cpuShares = String(hc.CpuShares);
  if (hc.PidsLimit && hc.PidsLimit !== 0) l.pidsLimit = String(hc.PidsLimit);
  return l;
}
