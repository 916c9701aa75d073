// One push's progress: overall bar, per-layer bars (the pulls panel's), digest or the explained error.
import { useTranslation } from 'react-i18next';
import type { PushProgress } from '../../../vm-backend/api/contract.push';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatBytes } from '../../lib/format';
import '../pull/pull.css';
import { ProgressBar } from '../../components/ProgressBar';

export function PushProgressCard({ push }: { push: PushProgress }): React.JSX.Element {
  const { t } = useTranslation();
  const pct = Math.round(push.fraction * 100);
  return (
    <article className={`pull pull--${push.state}`} data-state={push.state} data-testid="push-progress">
      <header className="pull__head">
        <strong className="pull__ref">{push.ref}</strong>
        <span className="muted small" data-testid="push-state">
          {t(`push.state.${push.state}`)}
        </span>
      </header>
      <ProgressBar pct={pct} label={t('push.overall', { ref: push.ref })} />
      {push.bytesTotal > 0 && (
        <p className="muted small">
          {t('push.bytes', {
            done: formatBytes(push.bytesDone),
            total: formatBytes(push.bytesTotal),
            layers: push.layers.length,
          })}
        </p>
      )}
      {push.state === 'running' && (
        <ul className="pull__layers">
          {push.layers.map((l) => {
            const lp = l.phase === 'done' ? 100 : l.total > 0 ? Math.round((100 * l.current) / l.total) : 0;
            return (
              <li key={l.id} className="layer" data-phase={l.phase}>
                <code className="layer__id">{l.id}</code>
                <ProgressBar thin pct={lp} label={t('push.layer', { id: l.id })} />
                <span className="muted small">{t(`push.phase.${l.phase}`)}</span>
              </li>
            );
          })}
        </ul>
      )}
      {push.digest && push.state === 'done' && (
        <p className="muted small">{t('push.digest', { digest: push.digest })}</p>
      )}
      {push.error && <ErrorNotice error={push.error} />}
    </article>
  );
}
