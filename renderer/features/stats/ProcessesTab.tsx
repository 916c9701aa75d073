// The details panel's Processes tab: docker top, the processes as the engine's host numbers them,
// with the note that the first of them is PID 1 inside the container (its own PID namespace).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { statsCli } from '../../../vm-backend/api/rules/stats-cli';
import type { TopResult } from '../../../vm-backend/api/stats-types';
import type { ContainerState, WharfErrorShape } from '../../../vm-backend/api/types';
import { getBridge } from '../../bridge';
import { ErrorNotice } from '../../components/ErrorNotice';
import { errorShape } from '../../lib/error-shape';
import './stats.css';
import { Term } from '../../components/Term';

export function ProcessesTab({
  id,
  name,
  state,
}: {
  id: string;
  name: string;
  state: ContainerState;
}): React.JSX.Element {
  const { t } = useTranslation();
  const [top, setTop] = useState<TopResult | null>(null);
  const [error, setError] = useState<WharfErrorShape | null>(null);
  const [round, setRound] = useState(0);
  const running = state === 'running' || state === 'paused';
  // biome-ignore lint/correctness/useExhaustiveDependencies: `round` is the Refresh button
  useEffect(() => {
    if (!running) return;
    let live = true;
    getBridge()
      .call('stats:top', { id })
      .then(
        (r) => live && (setTop(r), setError(null)),
        (e: unknown) => live && setError(errorShape(e)),
      );
    return () => {
      live = false;
    };
  }, [id, running, round]);
  return (
    <div className="top-tab" role="tabpanel" data-testid="processes-tab">
      <code className="cli-inline">$ {statsCli.top(name)}</code>
      <p className="top-tab__note" role="note">
        {t('top.note')} <Term term="namespace" compact />
      </p>
      <button type="button" className="btn btn--small" onClick={() => setRound((n) => n + 1)} disabled={!running}>
        {t('top.refresh')}
      </button>
      {error && <ErrorNotice error={error} />}
      {!running && <p>{t('top.none')}</p>}
      {running && top && (
        <table className="top-tab__table" aria-label={t('top.tab')}>
          <thead>
            <tr>
              {top.titles.map((h) => (
                <th key={h}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {top.processes.map((p, i) => (
              <tr key={`${p.join(' ')}-${i}`}>
                {p.map((c, j) => (
                  <td key={`${j}-${c}`}>{c}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
