// The list's live-use cell (CPU %, memory used / limit, network, disk, PIDs) and its header.
// Each cell reads only its own container's reading, so a poll re-renders only the cells it changed;
// a cell asks to be polled while it is on screen (IntersectionObserver).
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContainerState } from '../../../vm-backend/api/types';
import { fmtBytes, fmtPct } from './stats-format';
import { mountRow, useStats } from './stats-store';
import './stats.css';

export function StatsHead(): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <span role="columnheader" className="crow__stats">
      <span>
        {t('stats.col.cpu')} · {t('stats.col.mem')}
      </span>
      <span
        className="crow__stats-sub"
        title={`${t('stats.col.net')} · ${t('stats.col.blk')} · ${t('stats.col.pids')}`}
      >
        {t('stats.col.netShort')} · {t('stats.col.blkShort')} · {t('stats.col.pids')}
      </span>
    </span>
  );
}

export function StatsCell({ id, state }: { id: string; state: ContainerState }): React.JSX.Element {
  const { t } = useTranslation();
  const s = useStats((st) => (state === 'running' ? st.byId[id] : undefined));
  const ref = useRef<HTMLSpanElement>(null);
  // Polled only while the cell is on screen: not the virtual list's overscan, not a hidden column.
  useEffect(() => {
    const el = ref.current;
    if (state !== 'running' || !el) return;
    let off: (() => void) | null = null;
    const io = new IntersectionObserver(([e]) => {
      if (e?.isIntersecting) off ??= mountRow(id);
      else {
        off?.();
        off = null;
      }
    });
    io.observe(el);
    return () => {
      io.disconnect();
      off?.();
    };
  }, [id, state]);
  if (!s)
    return (
      <span role="cell" className="crow__stats" data-testid="container-stats" ref={ref}>
        {state === 'running' ? '…' : ''}
      </span>
    );
  const mem = `${fmtBytes(s.memUsed)} / ${fmtBytes(s.memLimit)}`;
  return (
    <span
      role="cell"
      className="crow__stats"
      data-testid="container-stats"
      ref={ref}
      data-cpu={s.cpuPct ?? ''}
      data-mem={s.memUsed}
      title={`${t('stats.col.cpu')} ${fmtPct(s.cpuPct)} · ${t('stats.col.mem')} ${mem}`}
    >
      <span>
        {fmtPct(s.cpuPct)} · {mem}
      </span>
      <span className="crow__stats-sub">
        {fmtBytes(s.netRx)} / {fmtBytes(s.netTx)} · {fmtBytes(s.blkRead)} / {fmtBytes(s.blkWrite)} · {s.pids}
      </span>
    </span>
  );
}
