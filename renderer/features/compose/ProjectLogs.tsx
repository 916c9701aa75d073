import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WharfErrorShape } from '../../../vm-backend/api/types';
import { getBridge } from '../../bridge';
import { ErrorNotice } from '../../components/ErrorNotice';
import { type TerminalHost, createTerminal } from '../terminal/create-terminal';
import '../terminal/terminal.css';
import { ProjectLogSession } from './project-log-session';

const KEEP_LINES = 10_000;

/** The whole project's logs in one terminal, each line prefixed and coloured by its service. */
export function ProjectLogs(props: { project: string; services: string[]; onClose(): void }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const host = useRef<TerminalHost>(null);
  const session = useRef<ProjectLogSession | null>(null);
  const [ready, setReady] = useState(false);
  const [service, setService] = useState('');
  const [error, setError] = useState<WharfErrorShape | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: one terminal per opened panel
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const bridge = getBridge();
    const wt = createTerminal(el, bridge, {
      disableStdin: true,
      convertEol: true,
      scrollback: KEEP_LINES * 2,
      cursorInactiveStyle: 'none',
    });
    session.current = new ProjectLogSession(
      bridge,
      wt.term,
      el,
      KEEP_LINES,
      (count) => i18n.t('compose.skipped', { count }),
      setError,
    );
    setReady(true);
    return () => {
      session.current?.close();
      session.current = null;
      wt.dispose();
    };
  }, []);

  useEffect(() => {
    if (ready) void session.current?.open(props.project, service ? [service] : []);
  }, [ready, props.project, service]);

  return (
    <section className="compose-logs" aria-label={t('compose.logsTitle', { project: props.project })}>
      <header className="compose-logs__bar">
        <h3>{t('compose.logsTitle', { project: props.project })}</h3>
        <label>
          {t('compose.filter')}
          <select value={service} onChange={(e) => setService(e.target.value)}>
            <option value="">{t('compose.allServices')}</option>
            {props.services.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="btn btn--small" onClick={props.onClose}>
          {t('compose.closeLogs')}
        </button>
      </header>
      {error && <ErrorNotice error={error} />}
      <div className="term-host compose-logs__term" ref={host} data-testid="compose-logs" />
    </section>
  );
}
