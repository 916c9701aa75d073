import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dockerCli } from '../../../vm-backend/api/rules/cli';
import { splitWords } from '../../../vm-backend/api/rules/run-words';
import type { ContainerState } from '../../../vm-backend/api/types';
import { getBridge } from '../../bridge';
import { ErrorNotice } from '../../components/ErrorNotice';
import { type TerminalHost, type WharfTerminal, createTerminal } from './create-terminal';
import { type ShellRequest, type ShellState, ShellSession } from './shell-session';
import './terminal.css';

interface Props {
  id: string;
  name: string;
  state: ContainerState;
  /** Started with -it (OpenStdin): the terminal attaches to its main process, exec one choice
   *  away. null until the container's details have arrived. */
  interactive: boolean | null;
  /** Just run from the run dialog with -it: the backend attached before the start and holds the
   *  stream (its first prompt, or the exit of a program that already ended). */
  justRan?: boolean;
}

/** The command field as words, quoted the way a shell would ('a b', "a b", a\ b); null: unclosed quote. */
const splitCmd = (s: string): string[] | undefined | null => {
  const w = splitWords(s);
  if (!w.ok) return null;
  return w.words.length ? w.words : undefined;
};

/** A terminal inside the container: docker exec -it (bash, else sh) or docker attach. */
export function ShellTab({ id, name, state, interactive, justRan = false }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const host = useRef<TerminalHost>(null);
  const [term, setTerm] = useState<WharfTerminal | null>(null);
  const session = useRef<ShellSession | null>(null);
  const [mode, setMode] = useState<'exec' | 'attach'>('exec');
  const [command, setCommand] = useState('');
  const [user, setUser] = useState('');
  const [shell, setShell] = useState<ShellState>({ kind: 'idle' });
  const running = state === 'running';

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const wt = createTerminal(el, getBridge(), { cursorBlink: true, scrollback: 5_000 });
    session.current = new ShellSession(getBridge(), wt.term, setShell);
    setTerm(wt);
    return () => {
      session.current?.stop();
      session.current = null;
      wt.dispose();
    };
  }, []);

  const connect = (req: ShellRequest): void => void session.current?.start(id, req);

  // A dropped link ends the backend's side of the shell: say so rather than hang.
  useEffect(
    () =>
      getBridge().onTransport((t) => {
        if (t === 'closed')
          setShell((s) =>
            s.kind === 'open' || s.kind === 'starting' ? { kind: 'exited', code: null, backendLost: true } : s,
          );
      }),
    [],
  );
  const parsedCmd = splitCmd(command);
  const request = (): ShellRequest => {
    const cmd = parsedCmd ?? undefined;
    return {
      mode,
      ...(mode === 'exec' && cmd ? { cmd } : {}),
      ...(mode === 'exec' && user.trim() ? { user: user.trim() } : {}),
    };
  };

  // Open the terminal as soon as the tab shows a running container: attached to the main process
  // of a container run with -it (as `docker run -it` is), else a new shell (`docker exec -it`).
  // biome-ignore lint/correctness/useExhaustiveDependencies: opens once when the terminal and a running container are there, not on every shell state
  useEffect(() => {
    if (!term || interactive === null || shell.kind !== 'idle' || !(running || justRan)) return;
    const first = interactive ? 'attach' : 'exec';
    setMode(first);
    connect({ mode: first });
  }, [term, running, interactive]);

  const started = shell.kind === 'open' ? shell.started : null;
  const cli =
    mode === 'attach'
      ? dockerCli.attach(name)
      : dockerCli.exec(name, started?.cmd.length ? started.cmd : (parsedCmd ?? ['sh']), user.trim() || undefined);
  // A main process that exited (run -it of a program) says how, though the container now stopped.
  const ended = shell.kind === 'exited' && shell.code !== null;
  const status =
    !running && !ended
      ? t(state === 'paused' ? 'shell.paused' : 'shell.notRunning', { name })
      : shell.kind === 'starting'
        ? t('shell.starting')
        : shell.kind === 'open'
          ? t('shell.connected', { cmd: started?.cmd.join(' ') || t('shell.attached') })
          : shell.kind === 'exited'
            ? shell.backendLost
              ? t('shell.backendLost')
              : shell.code === null
                ? t('shell.ended')
                : t('shell.exited', { code: shell.code })
            : '';

  return (
    <div className="shell-tab" role="tabpanel" aria-label={t('shell.title', { name })}>
      <code className="cli-inline" data-testid="shell-cli">
        $ {cli}
      </code>
      <div className="term-toolbar">
        <label>
          {t('shell.mode')}{' '}
          <select value={mode} onChange={(e) => setMode(e.target.value as 'exec' | 'attach')}>
            <option value="exec">{t('shell.modeExec')}</option>
            <option value="attach" disabled={!interactive}>
              {t('shell.modeAttach')}
            </option>
          </select>
        </label>
        {mode === 'exec' && (
          <>
            <label>
              {t('shell.command')}{' '}
              <input
                type="text"
                value={command}
                placeholder={t('shell.commandAuto')}
                aria-invalid={parsedCmd === null}
                onChange={(e) => setCommand(e.target.value.slice(0, 500))}
                size={14}
              />
            </label>
            <label>
              {t('shell.user')}{' '}
              <input
                type="text"
                value={user}
                placeholder="root"
                onChange={(e) => setUser(e.target.value.slice(0, 64))}
                size={8}
              />
            </label>
          </>
        )}
        <button
          type="button"
          className="btn btn--small"
          disabled={!running || parsedCmd === null}
          onClick={() => connect(request())}
        >
          {shell.kind === 'open' ? t('shell.reconnect') : t('shell.connect')}
        </button>
        {shell.kind === 'open' && (
          <button
            type="button"
            className="btn btn--small"
            onClick={() => {
              session.current?.stop();
              setShell({ kind: 'exited', code: null });
            }}
          >
            {t('shell.disconnect')}
          </button>
        )}
      </div>
      {parsedCmd === null && (
        <p className="field-error" role="alert" data-testid="shell-command-error">
          {t('shell.unclosedQuote')}
        </p>
      )}
      <p className="term-status" role="status" data-testid="shell-status" data-state={shell.kind}>
        {status}
      </p>
      {shell.kind === 'error' && <ErrorNotice error={shell.error} />}
      <div className="term-host" ref={host} data-testid="shell-terminal" />
    </div>
  );
}
