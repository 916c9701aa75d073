// Pushes run for the window that started them: `POST /images/{name}/push` with the registry's
// credentials from the registries settings in X-Registry-Auth, its progress folded per layer and
// sent to that window; cancel (or the window closing) closes the connection, which stops the push.
// A registry that stops answering is given up after `stallMs` without a line.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type Docker from 'dockerode';
import type { ClientLink } from '../../api/client-link';
import type { PushProgress } from '../../api/contract.push';
import { familiarName, parseReference } from '../../api/rules/reference';
import type { RegistryStore } from '../../registry/registry-store';
import { toWharfError } from '../errors';
import { pushErrorFromText, pushNeedsWindow, pushNotFound } from './push-errors';
import { type PushLine, applyPushLine, emptyPush } from './push-progress';

const RUN = randomBytes(5).toString('hex');
let counter = 0;
const PROGRESS_MS = 100;

interface Running {
  client: ClientLink;
  abort: AbortController;
  progress: PushProgress;
  finished: Promise<PushProgress>;
}

export class PushManager {
  private readonly running = new Map<string, Running>();

  constructor(
    private readonly client: () => Docker,
    private readonly registries: Pick<RegistryStore, 'get'>,
    private readonly stallMs = 60_000,
  ) {}

  async tag(source: string, target: string): Promise<null> {
    const parsed = parseReference(target);
    if (!parsed.ok) throw new Error(`invalid reference: ${target}`);
    const repo = familiarName(parsed.ref);
    try {
      await this.client()
        .getImage(source)
        .tag({ repo, tag: parsed.ref.tag ?? 'latest' });
    } catch (err) {
      throw toWharfError(err, { subject: source });
    }
    return null;
  }

  async start(client: ClientLink | undefined, input: string): Promise<PushProgress> {
    if (!client) throw pushNeedsWindow();
    const parsed = parseReference(input);
    if (!parsed.ok) throw pushErrorFromText(`invalid reference: ${input}`, input, '');
    const { ref } = parsed;
    const name = familiarName(ref);
    const tag = ref.tag ?? 'latest';
    const shown = `${name}:${tag}`;
    const docker = this.client();
    const creds = await this.registries.get(ref.domain);
    // The engine wants the header even without credentials (an empty auth).
    const authconfig =
      creds?.username && creds.secret
        ? { username: creds.username, password: creds.secret, serveraddress: ref.domain }
        : {};
    const id = `push-${RUN}-${++counter}`;
    const abort = new AbortController();
    const run: Running = {
      client,
      abort,
      progress: emptyPush(id, shown),
      finished: Promise.resolve(emptyPush(id, shown)),
    };
    this.running.set(id, run);
    const offClose = client.onClose(() => abort.abort());
    const request = docker
      .getImage(name)
      .push({ tag, authconfig, abortSignal: abort.signal } as never) as unknown as Promise<IncomingMessage>;
    run.finished = this.follow(run, request, ref.domain).finally(() => {
      offClose();
      this.running.delete(id);
    });
    return run.progress;
  }

  /** Resolves with the final progress (tests, benches). */
  wait(id: string): Promise<PushProgress> {
    const run = this.running.get(id);
    if (!run) throw pushNotFound(id);
    return run.finished;
  }

  cancel(client: ClientLink | undefined, id: string): null {
    const run = this.running.get(id);
    if (!run || run.client !== client) throw pushNotFound(id);
    run.abort.abort();
    return null;
  }

  closeAll(): void {
    for (const r of this.running.values()) r.abort.abort();
  }

  private async follow(run: Running, request: Promise<IncomingMessage>, domain: string): Promise<PushProgress> {
    const send = (): void => run.client.send('push:progress', run.progress);
    let stalled = false;
    let stall: NodeJS.Timeout | null = null;
    const watch = (): void => {
      if (stall) clearTimeout(stall);
      stall = setTimeout(() => {
        stalled = true;
        run.abort.abort();
      }, this.stallMs);
    };
    let timer: NodeJS.Timeout | null = null;
    watch();
    try {
      const stream = await request;
      send();
      let rest = '';
      await new Promise<void>((resolve) => {
        stream.setEncoding('utf8');
        stream.on('data', (chunk: string) => {
          watch();
          const lines = (rest + chunk).split('\n');
          rest = lines.pop() ?? '';
          for (const l of lines) this.apply(run, l);
          timer ??= setTimeout(() => {
            timer = null;
            send();
          }, PROGRESS_MS);
        });
        stream.once('end', resolve);
        stream.once('close', resolve);
        stream.once('error', () => resolve());
      });
      if (rest.trim()) this.apply(run, rest);
    } catch (err) {
      if (!run.abort.signal.aborted)
        run.progress = { ...run.progress, state: 'failed', errorText: toWharfError(err).detail };
    }
    if (stall) clearTimeout(stall);
    if (timer) clearTimeout(timer);
    const p = run.progress;
    if (stalled)
      run.progress = {
        ...p,
        state: 'failed',
        error: pushErrorFromText(`the registry stopped answering for ${this.stallMs / 1000} s`, p.ref, domain).toJSON(),
      };
    else if (run.abort.signal.aborted) run.progress = { ...p, state: 'cancelled' };
    else if (p.state === 'failed')
      run.progress = { ...p, error: pushErrorFromText(p.errorText ?? '', p.ref, domain).toJSON() };
    else run.progress = { ...p, state: 'done', fraction: 1 };
    send();
    return run.progress;
  }

  private apply(run: Running, text: string): void {
    if (!text.trim()) return;
    try {
      run.progress = applyPushLine(run.progress, JSON.parse(text) as PushLine);
    } catch {
      // not JSON: not progress
    }
  }
}
