import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { VolumeRow } from '../../../vm-backend/api/contract.volumes';
import { volumesCli } from '../../../vm-backend/api/rules/volumes-cli';
import { cliHintProps } from '../../components/useCli';
import { formatAgo, formatBytes } from '../../lib/format';
import { useStore } from '../../store/store';
import { runWithVolume } from './volume-actions';

const ROW_HEIGHT = 44;

export interface VolumeRowActions {
  onBrowse(v: VolumeRow): void;
  onRemove(v: VolumeRow): void;
}

const VolumeRowView = memo(function VolumeRowView({
  v,
  size,
  sizeLoading,
  now,
  offline,
  actions,
}: {
  v: VolumeRow;
  size: number | undefined;
  sizeLoading: boolean;
  now: number;
  offline: boolean;
  actions: VolumeRowActions;
}): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const labels = Object.entries(v.labels)
    .map(([k, val]) => `${k}=${val}`)
    .join(', ');
  const users = v.users.map((u) => `${u.name}${u.running ? '' : ` (${t('volumes.stopped')})`}`).join(', ');
  return (
    <div className="vol-row" role="row" data-testid="volume-row" data-name={v.name}>
      <span role="cell" className="vol-row__name" title={v.name}>
        {v.anonymous && <span className="badge badge--dangling">{t('volumes.anonymous')}</span>} {v.name}
      </span>
      <span role="cell">{v.driver}</span>
      <span role="cell" title={v.mountpoint}>
        <code>{v.mountpoint}</code>
      </span>
      <span role="cell">{v.created ? formatAgo(v.created, now, i18n.language) : ''}</span>
      <span role="cell" data-testid="volume-size">
        {size === undefined || size < 0 ? <span className="muted">{sizeLoading ? '…' : '-'}</span> : formatBytes(size)}
      </span>
      <span role="cell" data-testid="volume-users" title={users}>
        {v.users.length ? (
          <span className="badge badge--inuse">{t('volumes.usedBy', { names: users })}</span>
        ) : (
          <span className="muted">{t('volumes.unused')}</span>
        )}
      </span>
      <span role="cell" title={labels} className="muted">
        {labels}
      </span>
      <span role="cell" className="vol-row__actions">
        <button
          type="button"
          className="btn btn--small"
          disabled={offline}
          aria-label={t('volumes.browse', { name: v.name })}
          onClick={() => actions.onBrowse(v)}
        >
          {t('volumes.files')}
        </button>
        <button
          type="button"
          className="btn btn--small"
          disabled={offline}
          aria-label={t('volumes.runWith', { name: v.name })}
          onClick={() => runWithVolume(v.name)}
          {...cliHintProps(volumesCli.runWith(v.name))}
        >
          {t('run.run')}
        </button>
        <button
          type="button"
          className="btn btn--small btn--danger"
          disabled={offline}
          aria-label={t('volumes.remove', { name: v.name })}
          onClick={() => actions.onRemove(v)}
          {...cliHintProps(volumesCli.remove(v.name))}
        >
          {t('containers.action.remove')}
        </button>
      </span>
    </div>
  );
});

export function VolumeList({
  rows,
  sizes,
  sizeLoading,
  now,
  actions,
}: {
  rows: VolumeRow[];
  sizes: Record<string, number> | null;
  sizeLoading: boolean;
  now: number;
  actions: VolumeRowActions;
}): React.JSX.Element {
  const { t } = useTranslation();
  const offline = useStore((s) => s.engine?.state !== 'ready');
  const scrollRef = useRef<HTMLDivElement>(null);
  const v = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (i) => rows[i]?.id ?? i,
  });
  return (
    <div className="itable" role="table" aria-label={t('volumes.title')} aria-rowcount={rows.length}>
      <div className="vol-row irow--head" role="row">
        {(['name', 'driver', 'mountpoint', 'created', 'size', 'users', 'labels', 'actions'] as const).map((c) => (
          <span key={c} role="columnheader">
            {t(`volumes.col.${c}`)}
          </span>
        ))}
      </div>
      <div className="itable__scroll" ref={scrollRef}>
        <div style={{ height: v.getTotalSize(), position: 'relative' }} role="rowgroup">
          {v.getVirtualItems().map((vi) => {
            const row = rows[vi.index];
            return row ? (
              <div key={vi.key} className="vrow" style={{ transform: `translateY(${vi.start}px)`, height: ROW_HEIGHT }}>
                <VolumeRowView
                  v={row}
                  size={sizes?.[row.name]}
                  sizeLoading={sizeLoading}
                  now={now}
                  offline={offline}
                  actions={actions}
                />
              </div>
            ) : null;
          })}
        </div>
      </div>
    </div>
  );
}
