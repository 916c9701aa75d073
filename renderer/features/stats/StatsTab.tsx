// The details panel's Stats tab: a reading a second streamed while the tab is open (closed when it
// is left or the window hides), drawn by uPlot outside React; a clear end when the container
// stops; the container's limits below, changed with docker update (the limit line moves at once).
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { statsCli } from '../../../vm-backend/api/rules/stats-cli';
import { parseBytes } from '../../../vm-backend/api/rules/stats-limits';
import type { StatsEndEvent, StatsSample } from '../../../vm-backend/api/stats-types';
import type { ContainerState, WharfErrorShape } from '../../../vm-backend/api/types';
import { getBridge } from '../../bridge';
import { ErrorNotice } from '../../components/ErrorNotice';
import { errorShape } from '../../lib/error-shape';
import { streamRouter } from '../terminal/stream-router';
import { LimitsForm } from './LimitsForm';
import { StatsCharts } from './stats-charts';
import { fmtBytes, fmtPct } from './stats-format';
import { emptySeries, push, setLatestLimit } from './stats-series';
import './stats.css';
import { Term } from '../../components/Term';

type View =
  | { kind: 'opening' }
  | { kind: 'live' }
  | { kind: 'ended'; end: StatsEndEvent }
  | { kind: 'error'; error: WharfErrorShape };

/** Whether the window is shown: a hidden window streams nothing. */
function useVisible(): boolean {
  const [v, setV] = useState(() => document.visibilityState === 'visible');
  useEffect(() => {
    const on = (): void => setV(document.visibilityState === 'visible');
    document.addEventListener('visibilitychange', on);
    return () => document.removeEventListener('visibilitychange', on);
  }, []);
  return v;
}

export function StatsTab({ id, name, state }: { id: string; name: string; state: ContainerState }): React.JSX.Element {
  const { t } = useTranslation();
  const chartsRef = useRef<HTMLDivElement>(null);
  const nowRef = useRef<HTMLParagraphElement>(null);
  const charts = useRef<StatsCharts | null>(null);
  const series = useRef(emptySeries());
  const last = useRef<StatsSample | null>(null);
  const [view, setView] = useState<View>({ kind: 'opening' });
  const [hostCpus, setHostCpus] = useState<number | undefined>(undefined);
  const [attempt, setAttempt] = useState(0);
  const visible = useVisible();
  const running = state === 'running';

  // The charts live as long as the tab: a re-opened stream adds to the same lines.
  useEffect(() => {
    const host = chartsRef.current;
    if (!host) return;
    const c = new StatsCharts(host, series.current, {
      cpu: t('stats.chart.cpu'),
      memory: t('stats.chart.memory'),
      network: t('stats.chart.network'),
      disk: t('stats.chart.disk'),
      used: t('stats.chart.used'),
      limit: t('stats.chart.limit'),
      in: t('stats.chart.in'),
      out: t('stats.chart.out'),
      read: t('stats.chart.read'),
      write: t('stats.chart.write'),
    });
    charts.current = c;
    (host as HTMLElement & { wharfFrames?: number[] }).wharfFrames = c.frameMs;
    const ro = new ResizeObserver(() => c.resize(host.clientWidth));
    ro.observe(host);
    return () => {
      ro.disconnect();
      c.destroy();
      charts.current = null;
    };
  }, [t]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` re-opens the stream on "Measure again"
  useEffect(() => {
    if (!visible || !running) return;
    const bridge = getBridge();
    const router = streamRouter(bridge);
    let stream: string | null = null;
    let release: (() => void) | null = null;
    let live = true;
    setView({ kind: 'opening' });
    bridge.call('stats:open', { id }).then(
      (o) => {
        if (!live) return void bridge.call('stats:close', { stream: o.stream }).catch(() => {});
        stream = o.stream;
        release = router.claim(o.stream, (event, payload) => {
          if (event === 'stats:sample') {
            const x = (payload as { sample: StatsSample }).sample;
            push(series.current, x, last.current);
            last.current = x;
            setHostCpus(x.onlineCpus);
            if (nowRef.current) {
              nowRef.current.textContent = t('stats.now', {
                cpu: fmtPct(x.cpuPct),
                used: fmtBytes(x.memUsed),
                limit: `${fmtBytes(x.memLimit)}${x.memLimited ? '' : ` (${t('stats.hostLimit')})`}`,
                pids: x.pids,
              });
              nowRef.current.dataset.memLimit = String(x.memLimit);
              nowRef.current.dataset.memUsed = String(x.memUsed);
              nowRef.current.dataset.samples = String(series.current.t.length);
            }
            charts.current?.update();
            setView((v) => (v.kind === 'live' ? v : { kind: 'live' }));
          } else if (event === 'stats:end') {
            stream = null;
            setView({ kind: 'ended', end: payload as StatsEndEvent });
          }
        });
      },
      (e: unknown) => live && setView({ kind: 'error', error: errorShape(e) }),
    );
    return () => {
      live = false;
      release?.();
      if (stream) void bridge.call('stats:close', { stream }).catch(() => {});
    };
  }, [id, visible, running, attempt]);

  const onLimit = (memory: string): void => {
    const bytes = memory ? parseBytes(memory) : null;
    if (!bytes) return;
    setLatestLimit(series.current, bytes);
    if (nowRef.current) nowRef.current.dataset.memLimit = String(bytes);
    charts.current?.update();
  };

  return (
    <div className="stats-tab" role="tabpanel" data-testid="stats-tab">
      <code className="cli-inline">$ {statsCli.stats(name)}</code>
      <p className="stats-tab__explain">
        {t('stats.explain')} <Term term="cgroup" compact />
      </p>
      {!running && view.kind !== 'ended' && (
        <p className="stats-tab__note" role="status" data-testid="stats-not-running">
          {t('stats.notRunning')}
        </p>
      )}
      {running && view.kind === 'opening' && <p className="stats-tab__note">{t('stats.waiting')}</p>}
      {view.kind === 'error' && <ErrorNotice error={view.error} />}
      {view.kind === 'ended' && (
        <p
          className="stats-tab__note stats-tab__ended"
          role="status"
          data-testid="stats-ended"
          data-reason={view.end.reason}
        >
          {t(`stats.ended.${view.end.reason}`, { error: view.end.error ?? '' })}{' '}
          {running && (
            <button type="button" className="btn btn--small" onClick={() => setAttempt((n) => n + 1)}>
              {t('stats.again')}
            </button>
          )}
        </p>
      )}
      <p className="stats-tab__now" ref={nowRef} data-testid="stats-now" />
      <div className="stats-tab__charts" ref={chartsRef} data-testid="stats-charts" />
      <LimitsForm id={id} name={name} hostCpus={hostCpus} onMemory={onLimit} />
    </div>
  );
}
