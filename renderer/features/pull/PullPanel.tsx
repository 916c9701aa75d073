// Every pull of this window with its overall bar, its layers, its final status or explained error;
// Cancel while it runs, Run (opens the run dialog) once it is done.
import { useTranslation } from 'react-i18next';
import type { PullProgress } from '../../../vm-backend/api/contract.pull';
import { ErrorNotice } from '../../components/ErrorNotice';
import { cliHintProps } from '../../components/useCli';
import { getBridge } from '../../bridge';
import { formatBytes } from '../../lib/format';
import { useRunDialog } from '../run/run-store';
import { useStore } from '../../store/store';
import { cancelPull, retryPull, usePulls } from './pull-store';
import { LayerRow } from './LayerRow';
import './pull.css';
import { ProgressBar } from '../../components/ProgressBar';
import { Term } from '../../components/Term';

export function PullPanel(): React.JSX.Element | null {
  const { t } = useTranslation();
  const order = usePulls((s) => s.order);
  if (order.length === 0) return null;
  return (
    <section className="pull-panel" aria-label={t('pull.title')}>
      <h2 className="pull-panel__title">
        {t('pull.title')} <Term term="layer" compact />
      </h2>
      {order.map((id) => (
        <PullItem key={id} id={id} />
      ))}
    </section>
  );
}

/** One pull: shared by the pulls panel and the run dialog (which pulls a missing image first). */
export function PullItem({ id, runnable = true }: { id: string; runnable?: boolean }): React.JSX.Element | null {
  const { t } = useTranslation();
  const p = usePulls((s) => s.pulls[id]);
  const cancelError = usePulls((s) => s.cancelErrors[id]);
  const linkOpen = useStore((s) => s.backendLink === 'open');
  if (!p) return null;
  const pct = Math.round(p.fraction * 100);
  return (
    <article className={`pull pull--${p.state}`} aria-label={p.ref} data-state={p.state}>
      <header className="pull__head">
        <strong className="pull__ref">{p.ref}</strong>
        <span className="muted small">{t(`pull.state.${p.state}`)}</span>
      </header>
      <ProgressBar pct={pct} label={t('pull.overall', { ref: p.ref })} />
      {p.bytesTotal > 0 && (
        <p className="muted small">
          {t('pull.bytes', {
            done: formatBytes(p.bytesDone),
            total: formatBytes(p.bytesTotal),
            layers: p.layers.length,
          })}
        </p>
      )}
      {p.state === 'running' && p.layers.length > 0 && (
        <ul className="pull__layers">
          {p.layers.map((l) => (
            <LayerRow key={l.id} layer={l} />
          ))}
        </ul>
      )}
      {p.state === 'done' && <Finished p={p} />}
      {(p.state === 'failed' || p.state === 'interrupted') && p.error && <ErrorNotice error={p.error} />}
      {cancelError && p.state === 'running' && <ErrorNotice error={cancelError} />}
      <div className="pull__actions">
        {p.state === 'running' && (
          <button type="button" className="btn btn--small" onClick={() => void cancelPull(getBridge(), p.pull)}>
            {t('pull.cancel')}
          </button>
        )}
        {p.state === 'interrupted' && (
          <button
            type="button"
            className="btn btn--small"
            disabled={!linkOpen}
            onClick={() => void retryPull(getBridge(), p.pull)}
            {...cliHintProps(`docker image pull ${p.ref}`)}
          >
            {t('pull.retry')}
          </button>
        )}
        {p.state === 'done' && runnable && (
          <button
            type="button"
            className="btn btn--small"
            onClick={() => useRunDialog.getState().open({ kind: 'image', image: p.ref })}
            {...cliHintProps(`docker container run -d ${p.ref}`)}
          >
            {t('pull.run')}
          </button>
        )}
        {p.state !== 'running' && (
          <button type="button" className="btn btn--small" onClick={() => usePulls.getState().dismiss(p.pull)}>
            {t('pull.dismiss')}
          </button>
        )}
      </div>
    </article>
  );
}

function Finished({ p }: { p: PullProgress }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <div className="pull__done" role="status">
      <p>{t(p.result === 'up-to-date' ? 'pull.upToDate' : 'pull.downloaded', { ref: p.ref })}</p>
      {p.digest && <p className="muted small pull__digest">{t('pull.digest', { digest: p.digest })}</p>}
    </div>
  );
}
