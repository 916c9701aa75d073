// Run = create + start. Validates the form again (never trust the renderer), refuses a name or a
// host port a container already holds, and removes a created container whose start failed
// (unless the user keeps it). Engine errors come back with params.field naming the form field.
import type Docker from 'dockerode';
import type { PullProgress } from '../../api/contract.pull';
import type { RunResult } from '../../api/contract.run';
import { hasCode, WharfError } from '../../api/errors';
import type { RunForm } from '../../api/rules/run-form';
import { findPortConflicts, requestedHostPorts } from '../../api/rules/run-ports';
import { validateRunForm } from '../../api/rules/run-validate';
import { readFailure, toWharfError } from '../errors';
import {
  bindSourceMissing,
  imageNotFoundHint,
  nameTaken,
  portInUseMessage,
  portTwice,
  portUsedByContainer,
  pullCancelled,
  runInvalid,
} from './run-errors';
import { toCreateOptions } from './run-spec';
import type { EngineSession } from '../session';
import type { Duplex } from 'node:stream';
import { dropAttach, holdAttach } from '../exec/early-attach';

/** The form field an engine failure concerns, so the dialog shows it there. */
export function fieldOf(err: WharfError, form: RunForm, rawMessage: string): string {
  if (hasCode(err, 'NAME_CONFLICT')) return 'name';
  if (hasCode(err, 'IMAGE_NOT_FOUND')) return 'image';
  if (hasCode(err, 'PORT_IN_USE')) {
    const port = Number(err.params?.port ?? portIn(rawMessage));
    const hit = requestedHostPorts(form.ports).find((p) => p.port === port);
    return hit ? `ports.${hit.row}.hostPort` : form.ports.length ? 'ports.0.hostPort' : 'ports';
  }
  const vi = form.volumes.findIndex(
    (v) => (v.source && rawMessage.includes(v.source)) || rawMessage.includes(v.target),
  );
  if (/mount|bind source|volume/i.test(rawMessage) && vi >= 0) return `volumes.${vi}.source`;
  if (/network .* not found/i.test(rawMessage)) return 'network';
  // Limits (stats domain): "Range of CPUs is from 0.01 to 2.00, as there are only 2 CPUs available",
  // "Minimum memory limit allowed is 6MB", "Memory limit should be smaller than ... memoryswap".
  if (/range of cpus|nanocpus/i.test(rawMessage)) return 'limits.cpus';
  if (/memoryswap|memory-swap/i.test(rawMessage)) return 'limits.memorySwap';
  if (/memory limit/i.test(rawMessage)) return 'limits.memory';
  if (/cpu.?shares/i.test(rawMessage)) return 'limits.cpuShares';
  if (/executable file not found|exec format|no such file or directory/i.test(rawMessage)) return 'command';
  return '';
}

/** "listen tcp4 127.0.0.1:5000: bind: address already in use", "Bind for 0.0.0.0:5000 failed". */
export function portIn(message: string): string {
  return /:(\d{1,5})(?::\s*bind|\s+failed|\/\w+)/.exec(message)?.[1] ?? '';
}

function withField(err: unknown, form: RunForm, session: EngineSession): WharfError {
  const raw = readFailure(err).message;
  const e = toWharfError(err, {
    subject: form.image,
    containerName: session.containerName,
    endpoint: session.conn.endpoint,
  });
  const params: Record<string, string | number> = { ...(e.params ?? {}) };
  if (hasCode(e, 'PORT_IN_USE') && !params.port) params.port = portIn(raw);
  if (hasCode(e, 'IMAGE_NOT_FOUND')) params.subject = form.image;
  const field = fieldOf(e.with({ params }), form, raw);
  if (field) params.field = field;
  const missing = /bind source path does not exist: (\S+)/.exec(raw);
  if (missing?.[1]) {
    return bindSourceMissing(missing[1], e.detail, params);
  }
  const hint = hasCode(e, 'IMAGE_NOT_FOUND') ? imageNotFoundHint(form.image) : e.hint;
  const message = hasCode(e, 'PORT_IN_USE') ? portInUseMessage(params.port ?? '') : e.message;
  return e.with({ message, hint, params });
}

/** Same checks as the dialog, on the backend: bad input never reaches the engine. */
export function checkForm(form: RunForm, session: EngineSession): void {
  const errs = validateRunForm(form);
  const first = errs[0];
  if (first) {
    throw runInvalid(first.message, errs.map((e) => `${e.field}: ${e.message}`).join('\n'), {
      field: first.field,
      what: first.code,
    });
  }
  const rows = [...session.containers.values()];
  const named = form.name && rows.find((c) => c.name === form.name);
  if (named) throw nameTaken(form.name, named.id);
  const taken = findPortConflicts(form.ports, rows, []).find((c) => c.owner.kind !== 'process');
  if (taken) {
    const owner = taken.owner;
    const field = `ports.${taken.row}.hostPort`;
    if (owner.kind === 'container') throw portUsedByContainer(taken.port, owner.name, field);
    throw portTwice(taken.port, field);
  }
}

/** Pulls an image (with progress to the user) and resolves with how the pull ended. */
export type PullFirst = (ref: string) => Promise<PullProgress>;

export async function runContainer(
  session: EngineSession,
  form: RunForm,
  keepOnFailure: boolean,
  pull?: PullFirst,
): Promise<RunResult> {
  checkForm(form, session);
  const docker: Docker = session.client();
  try {
    await docker.getImage(form.image).inspect();
  } catch (err) {
    // Create does not pull. Like `docker run`, pull first when we can; else say so plainly.
    if (!pull || readFailure(err).status !== 404) throw withField(err, form, session);
    const pulled = await pull(form.image);
    if (pulled.state !== 'done') {
      const e = pulled.error
        ? WharfError.received({ ...pulled.error, params: { ...pulled.error.params, field: 'image' } })
        : pullCancelled(form.image);
      throw e;
    }
  }
  let container: Docker.Container;
  let warnings: string[] = [];
  try {
    container = await docker.createContainer(toCreateOptions(form));
    warnings = ((container as unknown as { Warnings?: string[] }).Warnings ?? []).filter(Boolean);
  } catch (err) {
    throw withField(err, form, session);
  }
  // -it: attach before start, as `docker run -it` does, so the first prompt is not lost.
  if (form.interactive) await attachEarly(container);
  try {
    await container.start();
  } catch (err) {
    dropAttach(container.id);
    const e = withField(err, form, session);
    if (!keepOnFailure) await container.remove({ force: true, v: true }).catch(() => undefined);
    else e.params && (e.params.kept = container.id);
    throw e;
  }
  const info = await container.inspect().catch(() => null);
  return { id: container.id, name: info?.Name.replace(/^\//, '') ?? form.name, warnings };
}

async function attachEarly(container: Docker.Container): Promise<void> {
  try {
    const socket = (await container.attach({
      stream: true,
      stdin: true,
      stdout: true,
      stderr: true,
      hijack: true,
    })) as unknown as Duplex;
    holdAttach(container.id, socket);
  } catch {
    // Not fatal: the terminal attaches after the start instead (the first prompt may be missed).
  }
}
