import { useTranslation } from 'react-i18next';
import { type LayerProgress, layerFraction } from '../../../vm-backend/api/contract.pull';
import { formatBytes } from '../../lib/format';
import { ProgressBar } from '../../components/ProgressBar';

export function LayerRow({ layer }: { layer: LayerProgress }): React.JSX.Element {
  const { t } = useTranslation();
  const pct = Math.round(layerFraction(layer) * 100);
  return (
    <li className="layer" data-phase={layer.phase}>
      <code className="layer__id">{layer.id}</code>
      <ProgressBar thin pct={pct} label={t('pull.layer', { id: layer.id })} />
      <span className="muted small">
        {t(`pull.phase.${layer.phase}`)}
        {(layer.phase === 'downloading' || layer.phase === 'extracting') && layer.total > 0
          ? ` ${formatBytes(layer.current)} / ${formatBytes(layer.total)}`
          : ''}
      </span>
    </li>
  );
}
