// The engine-wide total above the list, and the polling behind the list's stats cells: both live
// while the containers list is mounted (it is the main view) and the window is visible.
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { getBridge } from '../../bridge';
import { cliHintProps } from '../../components/useCli';
import { statsCli } from '../../../vm-backend/api/rules/stats-cli';
import { useStore } from '../../store/store';
import { fmtBytes, fmtPct } from './stats-format';
import { engineTotal, startStatsPolling, useStats } from './stats-store';

const runningIds = (): string[] =>
  Object.values(useStore.getState().containers.byId)
    .filter((r) => r.state === 'running')
    .map((r) => r.id);

export function StatsTotal(): React.JSX.Element | null {
  const { t } = useTranslation();
  const ready = useStore((s) => s.engine?.state === 'ready');
  const byId = useStats((s) => s.byId);
  const containers = useStore((s) => s.containers.byId);
  useEffect(() => {
    if (!ready) return;
    return startStatsPolling({
      bridge: getBridge(),
      running: runningIds,
      visible: () => document.visibilityState === 'visible',
    });
  }, [ready]);
  const total = useMemo(
    () =>
      engineTotal(
        byId,
        Object.values(containers)
          .filter((r) => r.state === 'running')
          .map((r) => r.id),
      ),
    [byId, containers],
  );
  if (!total.n) return null;
  return (
    <p className="stats-total" data-testid="stats-total" {...cliHintProps(statsCli.statsAll())}>
      {t('stats.total', { cpu: fmtPct(total.cpu), mem: fmtBytes(total.mem) })}
    </p>
  );
}
