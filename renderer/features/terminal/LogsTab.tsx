import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dockerCli } from '../../../vm-backend/api/rules/cli';
import type { WharfErrorShape } from '../../../vm-backend/api/types';
import { getBridge } from '../../bridge';
import { ErrorNotice } from '../../components/ErrorNotice';
import { errorShape } from '../../lib/error-shape';
import { cliHintProps } from '../../components/useCli';
import { useStore } from '../../store/store';
import { type TerminalHost, type WharfTerminal, createTerminal } from './create-terminal';
import { LogSearch } from './LogSearch';
import { ROWS_PER_LINE } from './lines-dropped';
import { type LogViewState, LogSession } from './log-session';
import { SINCES, type SinceChoice, TAILS, type TailChoice, sinceSeconds, tailValue } from './log-options';
import './terminal.css';

/** Lines kept for scrolling back: enough to read, bounded so a million-line log stays light. A
 *  longer log's earlier lines are counted and left to "Download full log". */
export const LOG_SCROLLBACK = 25_000;

/** A container's log in a read-only terminal. The log text never passes through React state. */
export function LogsTab({ id, name }: { id: string; name: string }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const host = useRef<TerminalHost>(null);
  const searchInput = useRef<HTMLInputElement>(null);
  const [term, setTerm] = useState<WharfTerminal | null>(null);
  const session = useRef<LogSession | null>(null);
  const [tail, setTail] = useState<TailChoice>('1000');
  const [since, setSince] = useState<SinceChoice>('');
  const [timestamps, setTimestamps] = useState(false);
  const [follow, setFollow] = useState(true);
  const [state, setState] = useState<{ s: LogViewState; error?: WharfErrorShape }>({ s: 'opening' });
  const [earlier, setEarlier] = useState(0);
  const [downloadError, setDownloadError] = useState<WharfErrorShape | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the terminal is made once per tab; i18n.t is read when a note is written
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const bridge = getBridge();
    const wt = createTerminal(el, bridge, {
      disableStdin: true,
      convertEol: true,
      scrollback: LOG_SCROLLBACK * ROWS_PER_LINE,
      cursorStyle: 'underline',
      cursorInactiveStyle: 'none',
    });
    wt.term.attachCustomKeyEventHandler((e) => {
      if (e.type === 'keydown' && (e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'f') {
        e.preventDefault();
        searchInput.current?.focus();
        return false;
      }
      return true;
    });
    session.current = new LogSession(
      bridge,
      wt.term,
      el,
      (s, error) => setState(error ? { s, error } : { s }),
      (count) => i18n.t('logs.skipped', { count }),
      setEarlier,
    );
    setTerm(wt);
    return () => {
      session.current?.close();
      session.current = null;
      wt.dispose();
    };
  }, []);

  useEffect(() => {
    if (!term) return;
    const open = (): void => {
      const since_ = sinceSeconds(since);
      void session.current?.open(id, {
        tail: tailValue(tail),
        timestamps,
        follow,
        ...(since_ ? { since: since_ } : {}),
      });
    };
    open();
    // The backend ends a client's streams when its link drops: open the log again on reconnect,
    // once the (maybe restarted) backend says its engine is ready: the state held from before the
    // link dropped is stale, and a log opened before the engine answers would only fail.
    let lost = false;
    let offEngine: (() => void) | null = null;
    const offTransport = getBridge().onTransport((t) => {
      if (t === 'closed' && !lost) {
        lost = true;
        offEngine?.();
        setState({ s: 'backend-away' });
      } else if (t === 'open' && lost) {
        lost = false;
        offEngine = useStore.subscribe((s, before) => {
          if (s.engine === before.engine || s.engine?.state !== 'ready') return;
          offEngine?.();
          offEngine = null;
          open();
        });
      }
    });
    return () => {
      offTransport();
      offEngine?.();
    };
  }, [term, id, tail, since, timestamps, follow]);

  const cli = useMemo(
    () => dockerCli.logs(name, { follow, tail: tailValue(tail), timestamps, ...(since ? { since } : {}) }),
    [name, follow, tail, since, timestamps],
  );
  const copy = (): void => {
    const text = term?.term.getSelection();
    if (text) void navigator.clipboard?.writeText(text);
  };
  const onKeyDown = (e: React.KeyboardEvent): void => {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'f') {
      e.preventDefault();
      searchInput.current?.focus();
    }
  };

  return (
    <div className="logs-tab" role="tabpanel" aria-label={t('logs.title', { name })} onKeyDown={onKeyDown}>
      <code className="cli-inline" data-testid="logs-cli">
        $ {cli}
      </code>
      <div className="term-toolbar">
        <label>
          {t('logs.tail')}{' '}
          <select value={tail} onChange={(e) => setTail(e.target.value as TailChoice)} {...cliHintProps(cli)}>
            {TAILS.map((v) => (
              <option key={v} value={v}>
                {t(`logs.tailOption.${v}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('logs.since')}{' '}
          <select value={since} onChange={(e) => setSince(e.target.value as SinceChoice)}>
            {SINCES.map((v) => (
              <option key={v} value={v}>
                {t(`logs.sinceOption.${v || 'all'}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={follow} onChange={(e) => setFollow(e.target.checked)} /> {t('logs.follow')}
        </label>
        <label className="check">
          <input type="checkbox" checked={timestamps} onChange={(e) => setTimestamps(e.target.checked)} />{' '}
          {t('logs.timestamps')}
        </label>
        <button type="button" className="btn btn--small" onClick={() => term?.term.clear()}>
          {t('logs.clear')}
        </button>
        <button type="button" className="btn btn--small" onClick={copy}>
          {t('logs.copy')}
        </button>
        <button
          type="button"
          className="btn btn--small"
          onClick={() => {
            setDownloadError(null);
            getBridge()
              .downloadLogs(id, { timestamps })
              .catch((e: unknown) => setDownloadError(errorShape(e)));
          }}
          {...cliHintProps(`${dockerCli.logs(name, { follow: false, tail: 'all', timestamps })} > ${name}.log`)}
        >
          {t('logs.download')}
        </button>
      </div>
      <LogSearch ref={searchInput} search={term?.search ?? null} />
      <p className="term-status" role="status" data-state={state.s}>
        {state.s === 'error' ? '' : t(`logs.state.${state.s}`)}
      </p>
      {state.error && <ErrorNotice error={state.error} />}
      {downloadError && <ErrorNotice error={downloadError} />}
      {earlier > 0 && (
        <p className="term-earlier" data-testid="log-earlier">
          {t('logs.earlier', {
            count: earlier,
            lines: earlier.toLocaleString(i18n.language),
            kept: LOG_SCROLLBACK.toLocaleString(i18n.language),
          })}
        </p>
      )}
      <div className="term-host" ref={host} data-testid="log-terminal" />
    </div>
  );
}
