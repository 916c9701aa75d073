import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContainerRow } from '../../../vm-backend/api/types';
import type { ListItem } from './container-items';
import { StatsHead } from '../stats/StatsCells';
import { ContainerRowView, type RowProps } from './ContainerRowView';
import { Term } from '../../components/Term';

const ROW_HEIGHT = 44;

interface Props extends Omit<RowProps, 'row' | 'grouped' | 'selected' | 'busy'> {
  items: ListItem[];
  selected: ReadonlySet<string>;
  busy: ReadonlySet<string>;
}

/** Virtualised: only the rows in view (plus a few) are in the DOM, so 1,000 containers stay smooth. */
export function ContainerList(p: Props): React.JSX.Element {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const v = useVirtualizer({
    count: p.items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (i) => p.items[i]?.key ?? i,
  });
  return (
    <div className="ctable" role="table" aria-label={t('containers.title')} aria-rowcount={p.items.length}>
      <div className="crow crow--head" role="row">
        <span role="columnheader" className="crow__check" />
        <span role="columnheader">{t('containers.col.name')}</span>
        <span role="columnheader">
          <Term term="image">{t('containers.col.image')}</Term>
        </span>
        <span role="columnheader">{t('containers.col.state')}</span>
        <span role="columnheader">{t('containers.col.status')}</span>
        <span role="columnheader">
          <Term term="port">{t('containers.col.ports')}</Term>
        </span>
        <span role="columnheader">{t('containers.col.created')}</span>
        <StatsHead />
        <span role="columnheader">{t('containers.col.actions')}</span>
      </div>
      <div className="ctable__scroll" ref={scrollRef} data-testid="container-scroll">
        <div style={{ height: v.getTotalSize(), position: 'relative' }} role="rowgroup">
          {v.getVirtualItems().map((vi) => {
            const item = p.items[vi.index];
            if (!item) return null;
            return (
              <div key={vi.key} className="vrow" style={{ transform: `translateY(${vi.start}px)`, height: ROW_HEIGHT }}>
                {item.type === 'group' ? (
                  <div className="crow crow--group" role="row" data-testid="compose-group" data-project={item.project}>
                    <span role="cell">
                      {t('containers.group', { project: item.project })} · {item.running}/{item.count}
                    </span>
                  </div>
                ) : (
                  <ContainerRowView
                    {...p}
                    row={item.row as ContainerRow}
                    grouped={item.grouped}
                    selected={p.selected.has(item.row.id)}
                    busy={p.busy.has(item.row.id)}
                  />
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
