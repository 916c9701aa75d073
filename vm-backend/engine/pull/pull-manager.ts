// Pulls: one engine request (POST /images/create) per pull, its NDJSON progress folded into
// per-layer and overall progress and sent (at most every 100 ms) to the window that started it.
// Cancel aborts the HTTP request, and the engine stops the pull when its connection closes.
import type { IncomingMessage } from 'node:http';
import type { PullProgress } from '../../api/contract.pull';
import type { ClientLink } from '../../api/client-link';
import { REFERENCE_PROBLEM_TEXT, familiarName, parseReference } from '../../api/rules/reference';
import type { RegistryStore } from '../../registry/registry-store';
import {
  invalidReference,
  pullError,
  pullErrorFromText,
  pullNeedsWindow,
  pullNotFound,
  tooManyPulls,
} from './pull-errors';
import { newPullId } from './pull-id';
import { type PullLine, applyPullLine, emptyProgress, finishProgress } from './pull-progress';
import type { EngineSession } from '../session';

const PROGRESS_INTERVAL_MS = 100;
const MAX_PULLS_PER_CLIENT = 16;

interface Running {
  client: ClientLink;
  abort: AbortController;
  progress: PullProgress;
  /** Resolves with the final progress (done, failed or cancelled). */
  finished?: Promise<PullProgress>;
}

export class PullManager {
  private readonly running = new Map<string, Running>();

  constructor(
    private readonly session: EngineSession,
    private readonly store: RegistryStore,
  ) {}

  async start(client: ClientLink | undefined, input: string): Promise<PullProgress> {
    if (!client) throw pullNeedsWindow();
    const parsed = parseReference(input);
    if (!parsed.ok) throw invalidReference(input, parsed.problem, REFERENCE_PROBLEM_TEXT[parsed.problem]);
    const owned = [...this.running.values()].filter((r) => r.client === client).length;
    if (owned >= MAX_PULLS_PER_CLIENT) throw tooManyPulls(MAX_PULLS_PER_CLIENT);
    const ref = parsed.ref;
    const name = familiarName(ref);
    const tag = ref.digest ?? ref.tag ?? 'latest';
    const shown = ref.digest ? `${name}@${ref.digest}` : `${name}:${tag}`;
    const docker = this.session.client();
    const creds = await this.store.get(ref.domain);
    const auth =
      creds?.username && creds.secret
        ? { username: creds.username, password: creds.secret, serveraddress: ref.domain }
        : undefined;

    const id = newPullId();
    const run: Running = { client, abort: new AbortController(), progress: emptyProgress(id, shown) };
    this.running.set(id, run);
    const offClose = client.onClose(() => this.cancel(client, id, true));
    run.finished = this.follow(
      run,
      docker.createImage(auth, { fromImage: name, tag, abortSignal: run.abort.signal }) as Promise<IncomingMessage>,
    )
      .finally(() => {
        offClose();
        this.running.delete(id);
      })
      .then(() => run.progress);
    return run.progress;
  }

  /** Starts a pull (its progress goes to the client as any pull's does) and waits for its end. */
  async pullAndWait(client: ClientLink | undefined, input: string): Promise<PullProgress> {
    const started = await this.start(client, input);
    return (await this.running.get(started.pull)?.finished) ?? started;
  }

  private async follow(run: Running, started: Promise<IncomingMessage>): Promise<void> {
    const send = (): void => run.client.send('pull:progress', run.progress);
    let stream: IncomingMessage;
    try {
      stream = await started;
    } catch (err) {
      run.progress = run.abort.signal.aborted
        ? { ...run.progress, state: 'cancelled' }
        : { ...run.progress, state: 'failed', error: pullError(err, run.progress.ref).toJSON() };
      send();
      return;
    }
    let timer: NodeJS.Timeout | null = null;
    const schedule = (): void => {
      if (!timer)
        timer = setTimeout(() => {
          timer = null;
          send();
        }, PROGRESS_INTERVAL_MS);
    };
    send();
    let rest = '';
    await new Promise<void>((resolve) => {
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        const lines = (rest + chunk).split('\n');
        rest = lines.pop() ?? '';
        for (const line of lines) this.apply(run, line);
        schedule();
      });
      stream.once('end', resolve);
      stream.once('close', resolve);
      stream.once('error', () => resolve());
    });
    if (timer) clearTimeout(timer);
    if (rest.trim()) this.apply(run, rest);
    const p = run.progress;
    if (run.abort.signal.aborted) run.progress = { ...p, state: 'cancelled' };
    else if (p.state === 'failed') run.progress = { ...p, error: pullErrorFromText(p.errorText ?? '', p.ref).toJSON() };
    else run.progress = finishProgress(p);
    send();
  }

  private apply(run: Running, text: string): void {
    if (!text.trim()) return;
    try {
      run.progress = applyPullLine(run.progress, JSON.parse(text) as PullLine);
    } catch {
      // A line that is not JSON is not progress; the final status still comes from the rest.
    }
  }

  /** Aborts the engine request. Only the window that started a pull may cancel it. */
  cancel(client: ClientLink | undefined, id: string, quiet = false): null {
    const run = this.running.get(id);
    if (!run || run.client !== client) {
      if (quiet) return null;
      throw pullNotFound(id);
    }
    run.abort.abort();
    return null;
  }

  closeAll(): void {
    for (const run of this.running.values()) run.abort.abort();
  }
}
