// A terminal inside a container for one client: `docker exec -it` (a new shell) or `docker attach`
// (the container's own -it process). With a TTY the engine stream is raw (no frame headers).
import type Docker from 'dockerode';
import type { Duplex } from 'node:stream';
import { TextDecoder } from 'node:util';
import type { ExecStartInput, ExecStarted } from '../../api/contract.exec';
import type { ClientLink } from '../../api/client-link';
import { Demuxer } from '../streams/demux';
import { toWharfError } from '../errors';
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
  if (info.State.Paused) throw paused(name);
  if (!info.State.Running) throw notRunning(name, info.State.Status);
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
      socket = (await container.attach({
        stream: true,
        stdin: true,
        stdout: true,
        stderr: true,
        hijack: true,
      })) as unknown as Duplex;
      resize = (w, h) => container.resize({ w, h });
      exitCode = async () => {
        const s = await container.inspect();
        return s.State.Running ? null : s.State.ExitCode;
      };
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
  socket.on('data', (chunk: Buffer) =>
    strip ? strip.push(chunk) : out.write(decoder.decode(chunk, { stream: true })),
  );
  socket.on('error', () => {});
  socket.on('close', () => {
    if (closed) return;
    out.close();
    void exitCode()
      .then(
        (code) => client.send('exec:exit', { stream, exitCode: code }),
        (err: unknown) =>
          client.send('exec:exit', { stream, exitCode: null, error: toWharfError(err, { subject: name }).toJSON() }),
      )
      .finally(() => registry.remove(stream));
  });

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
  return { stream, cmd, tty, name };
}
