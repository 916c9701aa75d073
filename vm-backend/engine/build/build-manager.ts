// Builds run by the backend, not the window: leaving the view (or reloading it) loses nothing.
// Each streams its context from disk to POST /build, reads the classic builder's stream into
// steps, writes its log to disk and broadcasts it in batches; cancel closes the connection, which
// makes the engine stop the build (the classic builder tags only at the very end).
import type { IncomingMessage } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type Docker from 'dockerode';
import type { EventName, Events } from '../../api/contract';
import type { BuildInspect, BuildOutput, BuildRecord, buildInput } from '../../api/contract.build';
import type { z } from 'zod';
import { parseDockerfile, type DockerfileInfo } from '../../api/rules/build-dockerfile';
import { toWharfError } from '../errors';
import { pathError } from '../host-paths/host-paths-errors';
import {
  buildError,
  buildNotFound,
  contextTooLarge,
  contextUnreadable,
  noDockerfile,
  tooManyBuilds,
} from './build-errors';
import { contextFilter, packContext } from './build-context';
import type { BuildStore } from './build-store';
import { newBuildId } from './build-store';
import { BuildStreamReader, type BuildLine } from './build-stream';
import { checkFolder, summarizeContext } from './context-summary';
import { listDockerfiles } from './dockerfiles';

export type BuildInput = z.output<typeof buildInput>;

const MAX_RUNNING = 4;
/** Log text is sent to windows at most this often (ms) or this big (bytes). */
const OUTPUT_MS = 50;
const OUTPUT_BYTES = 64 * 1024;
const CHANGED_MS = 250;

export interface BuildManagerDeps {
  client(): Docker;
  target: string;
  store: BuildStore;
  emit<E extends EventName>(event: E, payload: Events[E]): void;
  /** The registries' logins (host -> user, password) for FROM images a build pulls (X-Registry-Config). */
  registryConfig?: () => Promise<Record<string, { username: string; password: string }>>;
  now?: () => number;
}

interface Running {
  record: BuildRecord;
  abort: AbortController;
  finished: Promise<BuildRecord>;
}

export class BuildManager {
  private readonly running = new Map<string, Running>();
  private readonly now: () => number;

  constructor(private readonly deps: BuildManagerDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** The folder's Dockerfiles, the chosen one read, and the context counted. */
  async inspect(folder: string, dockerfile: string): Promise<BuildInspect> {
    await checkFolder(folder).catch((e) => {
      throw pathError(e, folder);
    });
    const [dockerfiles, text, summary] = await Promise.all([
      listDockerfiles(folder),
      readFile(join(folder, dockerfile), 'utf8').catch(() => null),
      summarizeContext(folder, contextFilter(folder, dockerfile)),
    ]);
    return { dockerfiles, info: text === null ? null : parseDockerfile(text), summary };
  }

  async start(input: BuildInput): Promise<BuildRecord> {
    if (this.running.size >= MAX_RUNNING) throw tooManyBuilds(MAX_RUNNING);
    await checkFolder(input.folder).catch((e) => {
      throw pathError(e, input.folder);
    });
    const text = await readFile(join(input.folder, input.dockerfile), 'utf8').catch(() => null);
    if (text === null) throw noDockerfile(input.dockerfile, input.folder);
    const info = parseDockerfile(text);
    const filter = contextFilter(input.folder, input.dockerfile);
    if (!input.large) {
      const summary = await summarizeContext(input.folder, filter);
      if (summary.large) throw contextTooLarge(summary.bytes);
    }
    const docker = this.deps.client();
    const record: BuildRecord = {
      id: newBuildId(),
      target: this.deps.target,
      folder: input.folder,
      dockerfile: input.dockerfile,
      tags: input.tags,
      options: {
        buildArgs: input.buildArgs,
        ...(input.target ? { target: input.target } : {}),
        noCache: input.noCache,
        pull: input.pull,
      },
      state: 'running',
      startedAt: this.now(),
      steps: [],
      exposes: lastStageExposes(info, input.target),
      logBytes: 0,
    };
    const registryconfig = (await this.deps.registryConfig?.().catch(() => ({}))) ?? {};
    const abort = new AbortController();
    const context = packContext(input.folder, filter);
    const run: Running = { record, abort, finished: Promise.resolve(record) };
    this.running.set(record.id, run);
    // Saved in the background (queued, so the final record still lands last): the upload need not wait for a disk flush.
    void this.deps.store.put(record);
    this.deps.emit('build:changed', structuredClone(record));
    // dockerode's types take one tag; the modem sends an array as repeated `t=` (docker build -t a -t b).
    const options = {
      t: input.tags as unknown as string,
      dockerfile: input.dockerfile,
      buildargs: Object.fromEntries(input.buildArgs.map((a) => [a.name, a.value])),
      ...(input.target ? { target: input.target } : {}),
      nocache: input.noCache,
      pull: input.pull,
      rm: true,
      forcerm: true,
      ...(Object.keys(registryconfig).length ? { registryconfig } : {}),
      abortSignal: abort.signal,
    };
    const request = docker.buildImage(
      context as unknown as NodeJS.ReadableStream,
      options,
    ) as unknown as Promise<IncomingMessage>;
    run.finished = this.follow(run, info, context, request).finally(() => this.running.delete(record.id));
    return structuredClone(record);
  }

  /** Resolves when the build has ended (tests, benches). */
  async wait(id: string): Promise<BuildRecord> {
    const run = this.running.get(id);
    if (run) return run.finished;
    const r = this.deps.store.get(id);
    if (!r) throw buildNotFound(id);
    return r;
  }

  cancel(id: string): null {
    const run = this.running.get(id);
    if (!run) throw buildNotFound(id);
    run.abort.abort();
    return null;
  }

  list(): BuildRecord[] {
    return this.deps.store.list();
  }

  log(id: string, from: number): Promise<{ text: string; size: number; next: number }> {
    if (!this.deps.store.get(id)) throw buildNotFound(id);
    return this.deps.store.readLog(id, from);
  }

  closeAll(): void {
    for (const r of this.running.values()) r.abort.abort();
  }

  private async follow(
    run: Running,
    info: DockerfileInfo,
    context: Readable,
    request: Promise<IncomingMessage>,
  ): Promise<BuildRecord> {
    const { record, abort } = run;
    const reader = new BuildStreamReader(record, info.instructions);
    const log = this.deps.store.openLog(record.id);
    let packError: Error | null = null;
    context.on('error', (e) => {
      packError = e;
      abort.abort();
    });

    let pending = '';
    let pendingAt = 0;
    let outTimer: NodeJS.Timeout | null = null;
    const flush = (): void => {
      if (outTimer) clearTimeout(outTimer);
      outTimer = null;
      if (!pending) return;
      const out: BuildOutput = { build: record.id, offset: pendingAt, text: pending };
      pending = '';
      this.deps.emit('build:output', out);
    };
    const write = (text: string): void => {
      if (!text) return;
      if (!pending) pendingAt = record.logBytes;
      log.write(text);
      record.logBytes += Buffer.byteLength(text);
      pending += text;
      if (pending.length >= OUTPUT_BYTES) flush();
      else outTimer ??= setTimeout(flush, OUTPUT_MS);
    };
    let changedTimer: NodeJS.Timeout | null = null;
    const changed = (): void => {
      changedTimer ??= setTimeout(() => {
        changedTimer = null;
        this.deps.emit('build:changed', structuredClone(record));
      }, CHANGED_MS);
    };

    try {
      const stream = await request;
      let rest = '';
      await new Promise<void>((resolve) => {
        stream.setEncoding('utf8');
        stream.on('data', (chunk: string) => {
          const lines = (rest + chunk).split('\n');
          rest = lines.pop() ?? '';
          const steps = record.steps.length;
          for (const l of lines) write(this.apply(reader, l));
          if (record.steps.length !== steps) changed();
        });
        stream.once('end', resolve);
        stream.once('close', resolve);
        stream.once('error', () => resolve());
      });
      if (rest.trim()) write(this.apply(reader, rest));
    } catch (err) {
      if (!abort.signal.aborted) reader.errorText = toWharfError(err).detail || String(err);
    }
    reader.closeStep(this.now());
    record.endedAt = this.now();
    if (packError) {
      record.state = 'failed';
      record.error = contextUnreadable(String((packError as Error).message)).toJSON();
    } else if (abort.signal.aborted) {
      record.state = 'cancelled';
      write('\x1b[33mCancelled.\x1b[0m\n');
    } else if (reader.errorText !== null || !record.imageId) {
      const step = reader.current;
      const from = info.instructions.find((i) => i.keyword === 'FROM');
      const e = buildError(
        reader.errorText ?? 'the engine ended the build without an image',
        step,
        from ? `FROM ${from.args}` : undefined,
      );
      record.state = 'failed';
      record.error = e.toJSON();
      if (step?.line) record.errorLine = step.line;
    } else record.state = 'done';
    flush();
    if (changedTimer) clearTimeout(changedTimer);
    await new Promise<void>((resolve) => log.end(resolve));
    await this.deps.store.put(record);
    this.deps.emit('build:changed', structuredClone(record));
    return structuredClone(record);
  }

  private apply(reader: BuildStreamReader, text: string): string {
    if (!text.trim()) return '';
    try {
      return reader.apply(JSON.parse(text) as BuildLine, this.now());
    } catch {
      return `${text}\n`;
    }
  }
}

/** The EXPOSEd ports of the stage that is built (the target's, else the last). */
function lastStageExposes(info: DockerfileInfo, target?: string): string[] {
  if (!target) return info.exposes;
  const from = info.instructions.filter((i) => i.keyword === 'FROM');
  const at = from.findIndex((i) => new RegExp(`\\s+as\\s+${target.replace(/[.]/g, '\\.')}\\s*$`, 'i').test(i.args));
  if (at < 0) return info.exposes;
  const start = from[at]!.line;
  const end = from[at + 1]?.line ?? Number.POSITIVE_INFINITY;
  return info.instructions
    .filter((i) => i.keyword === 'EXPOSE' && i.line > start && i.line < end)
    .flatMap((i) => i.args.split(/\s+/).filter((p) => /^\d{1,5}(\/(tcp|udp|sctp))?$/i.test(p)));
}
