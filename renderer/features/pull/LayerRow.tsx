import { useTranslation } from 'react-i18next';
import { type LayerProgress, layerFraction } from '../../../vm-backend/api/contract.pull';
import { formatBytes } from '../../lib/format';

export function LayerRow({ layer }: { layer: LayerProgress }): React.JSX.Element {
  const { t } = useTranslation();
  const pct = Math.round(layerFraction(layer) * 100);
  return (
    <li className="layer" data-phase={layer.phase}>
      <code className="layer__id">{layer.id}</code>
      <div
        className="bar bar--thin"
        role="progressbar"
        aria-label={t('pull.layer', { id: layer.id })}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
      >
        <div className="bar__fill" style={{ width: `${pct}%` }} />
      </div>
      <span className="muted small">
        {t(`pull.phase.${layer.phase}`)}
        {(layer.phase === 'downloading' || layer.phase === 'extracting') && layer.total > 0
          ? ` ${formatBytes(layer.current)} / ${formatBytes(layer.total)}`
          : ''}
      </span>
    </li>
  );
}
