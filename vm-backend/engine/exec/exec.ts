// A terminal inside a container for one client: `docker exec -it` (a new shell) or `docker attach`
// (the container's own -it process). With a TTY the engine stream is raw (no frame headers).
import type Docker from 'dockerode';
import type { Duplex } from 'node:stream';
import { TextDecoder } from 'node:util';
import type { ExecStartInput, ExecStarted } from '../../api/contract.exec';
import type { ClientLink } from '../../api/client-link';
import { Demuxer } from '../streams/demux';
import { toWharfError } from '../errors';
import { takeAttach } from './early-attach';
import { notInteractive, notRunning, paused } from './exec-errors';
import type { EngineSession } from '../session';
import { StreamOut } from '../streams/stream-out';
import { type StreamRegistry, requireClient } from '../streams/streams';

/** Runs `cmd` without a terminal and gives its exit code (null when the engine did not say). */
async function exitCodeOf(container: Docker.Container, cmd: string[]): Promise<number | null> {
  const exec = await container.exec({ Cmd: cmd, AttachStdout: true, AttachStderr: true });
  const stream = (await exec.start({ hijack: false, Detach: false })) as unknown as NodeJS.ReadableStream;
  await new Promise<void>((done) => {
    stream.on('end', done);
    stream.on('close', done);
    stream.on('error', () => done());
    stream.resume();
  });
  return (await exec.inspect()).ExitCode ?? null;
}

/** Prefer bash, fall back to sh (busybox and alpine images have no bash). */
async function pickShell(container: Docker.Container): Promise<string[]> {
  try {
    return (await exitCodeOf(container, ['bash', '-c', 'exit 0'])) === 0 ? ['bash'] : ['sh'];
  } catch {
    return ['sh'];
  }
}

export async function startExec(
  session: EngineSession,
  registry: StreamRegistry,
  c: ClientLink | undefined,
  o: ExecStartInput,
): Promise<ExecStarted> {
  const client = requireClient(c);
  const docker = session.client();
  const container = docker.getContainer(o.id);
  const info = await container.inspect().catch((e: unknown) => {
    throw toWharfError(e, { subject: o.id });
  });
  const name = info.Name.replace(/^\//, '');
  // Run -it attached before the start (early-attach.ts): that socket has the first prompt, and the
  // output of a program that already exited, with its exit status.
  const early = o.mode === 'attach' ? takeAttach(info.Id) : null;
  if (!early && info.State.Paused) throw paused(name);
  if (!early && !info.State.Running) throw notRunning(name, info.State.Status);
  const stream = registry.newId(client, 'exec');

  let socket: Duplex;
  let cmd: string[] = [];
  let tty = true;
  let resize: (cols: number, rows: number) => Promise<unknown>;
  let exitCode: () => Promise<number | null>;
  try {
    if (o.mode === 'attach') {
      if (!info.Config.OpenStdin) throw notInteractive(name);
      tty = Boolean(info.Config.Tty);
      socket =
        early?.socket ??
        ((await container.attach({
          stream: true,
          stdin: true,
          stdout: true,
          stderr: true,
          hijack: true,
        })) as unknown as Duplex);
      resize = (w, h) => container.resize({ w, h });
      exitCode = () => mainExitCode(container);
    } else {
      cmd = o.cmd ?? (await pickShell(container));
      const exec = await container.exec({
        Cmd: cmd,
        AttachStdin: true,
        AttachStdout: true,
        AttachStderr: true,
        Tty: true,
        Env: ['TERM=xterm-256color'],
        ...(o.user ? { User: o.user } : {}),
      });
      socket = (await exec.start({ hijack: true, stdin: true, Tty: true })) as unknown as Duplex;
      resize = (w, h) => exec.resize({ w, h });
      exitCode = async () => (await exec.inspect()).ExitCode ?? null;
    }
  } catch (err) {
    early?.socket.destroy();
    throw toWharfError(err, { subject: name });
  }
  void resize(o.cols, o.rows).catch(() => {});

  let closed = false;
  const decoder = new TextDecoder('utf-8');
  const out = new StreamOut({
    send: (data) => client.send('exec:output', { stream, data }),
    pause: () => socket.pause(),
    resume: () => socket.resume(),
  });
  // Without a TTY (attach to -i only) the stream is multiplexed; the terminal shows payload only.
  const strip = tty ? null : new Demuxer(false, (_k, d) => out.write(decoder.decode(d, { stream: true })));
  const onData = (chunk: Buffer): void =>
    strip ? strip.push(chunk) : out.write(decoder.decode(chunk, { stream: true }));
  socket.on('data', onData);
  socket.on('error', () => {});
  const onClose = (): void => {
    if (closed) return;
    closed = true;
    out.close();
    void exitCode()
      .then(
        (code) => client.send('exec:exit', { stream, exitCode: code }),
        (err: unknown) =>
          client.send('exec:exit', { stream, exitCode: null, error: toWharfError(err, { subject: name }).toJSON() }),
      )
      .finally(() => registry.remove(stream));
  };
  socket.on('close', onClose);

  registry.add(stream, client, {
    close: () => {
      closed = true;
      out.close();
      socket.destroy();
    },
    ack: (n) => out.ack(n),
    input: (data) => void socket.write(data),
    resize: (cols, rows) => void resize(cols, rows).catch(() => {}),
  });
  // What the program printed before the terminal asked (its first prompt), then its end if it
  // already exited: sent after this call's answer, so the terminal knows the stream by then.
  if (early)
    setTimeout(() => {
      if (early.early.length) onData(early.early);
      if (early.ended) onClose();
    }, 0);
  return { stream, cmd, tty, name };
}

/** The main process's exit status once it ended; null while it runs (a detach, not an exit). */
async function mainExitCode(container: Docker.Container): Promise<number | null> {
  const s = await container.inspect();
  if (!s.State.Running) return s.State.ExitCode;
  // The stream can close a moment before the engine marks the container exited.
  const waited = await Promise.race([
    container.wait() as Promise<{ StatusCode?: number }>,
    new Promise<null>((r) => setTimeout(() => r(null), 2_000)),
  ]);
  return waited?.StatusCode ?? null;
}
