import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { dockerCli } from '../../../vm-backend/api/rules/cli';
import { cliHintProps } from '../../components/useCli';
import { formatAgo, formatBytes, shortId } from '../../lib/format';
import { useRunDialog } from '../run/run-store';
import type { ImageItem } from './image-items';
import { useStore } from '../../store/store';
import { Term } from '../../components/Term';

const ROW_HEIGHT = 44;

const ImageRowView = memo(function ImageRowView({
  item,
  now,
  offline,
  onRemove,
  onPush,
}: {
  item: ImageItem;
  now: number;
  /** The engine cannot be reached (e.g. the VM is stopped): actions off. */
  offline: boolean;
  onRemove(i: ImageItem): void;
  onPush(i: ImageItem): void;
}): React.JSX.Element {
  const { t, i18n } = useTranslation();
  return (
    <div className="irow" role="row" data-testid="image-row" data-ref={item.ref}>
      <span role="cell" className="irow__repo" title={item.repository}>
        {item.repository}
      </span>
      <span role="cell">
        {item.dangling ? <span className="badge badge--dangling">{t('images.dangling')}</span> : item.tag}
      </span>
      <span role="cell">
        <code>{shortId(item.image.id)}</code>
      </span>
      <span role="cell">{formatBytes(item.image.size)}</span>
      <span role="cell">{formatAgo(item.image.created, now, i18n.language)}</span>
      <span role="cell" data-testid="image-in-use">
        {item.usedBy.length ? (
          <span className="badge badge--inuse" title={item.usedBy.join(', ')}>
            {t('images.usedBy', { names: item.usedBy.join(', ') })}
          </span>
        ) : (
          <span className="muted">{t('images.unused')}</span>
        )}
      </span>
      <span role="cell" className="irow__actions">
        <button
          type="button"
          className="btn btn--small"
          disabled={offline}
          aria-label={t('run.runImage', { ref: item.dangling ? shortId(item.ref) : item.ref })}
          onClick={() => useRunDialog.getState().open({ kind: 'image', image: item.ref })}
          {...cliHintProps(`docker container run -d ${item.dangling ? shortId(item.ref) : item.ref}`)}
        >
          {t('run.run')}
        </button>
        {!item.dangling && (
          <button
            type="button"
            className="btn btn--small"
            disabled={offline}
            aria-label={t('push.image.openLabel', { ref: item.ref })}
            onClick={() => onPush(item)}
            {...cliHintProps(`docker tag ${item.ref} <registry>/<name>:<tag> && docker push <registry>/<name>:<tag>`)}
          >
            {t('push.image.open')}
          </button>
        )}
        <button
          type="button"
          className="btn btn--small btn--danger"
          disabled={offline}
          aria-label={t('images.remove', { ref: item.dangling ? shortId(item.ref) : item.ref })}
          onClick={() => onRemove(item)}
          {...cliHintProps(dockerCli.imageRemove(item.dangling ? shortId(item.ref) : item.ref, false))}
        >
          {t('containers.action.remove')}
        </button>
      </span>
    </div>
  );
});

export function ImageList({
  items,
  now,
  onRemove,
  onPush,
}: {
  items: ImageItem[];
  now: number;
  onRemove(i: ImageItem): void;
  onPush(i: ImageItem): void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const offline = useStore((s) => s.engine?.state !== 'ready');
  const scrollRef = useRef<HTMLDivElement>(null);
  const v = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (i) => items[i]?.key ?? i,
  });
  return (
    <div className="itable" role="table" aria-label={t('images.title')} aria-rowcount={items.length}>
      <div className="irow irow--head" role="row">
        {(['repository', 'tag', 'id', 'size', 'created', 'inUse', 'actions'] as const).map((c) => (
          <span key={c} role="columnheader">
            {c === 'repository' ? (
              <Term term="repository">{t('images.col.repository')}</Term>
            ) : c === 'tag' ? (
              <Term term="tag">{t('images.col.tag')}</Term>
            ) : (
              t(`images.col.${c}`)
            )}
          </span>
        ))}
      </div>
      <div className="itable__scroll" ref={scrollRef}>
        <div style={{ height: v.getTotalSize(), position: 'relative' }} role="rowgroup">
          {v.getVirtualItems().map((vi) => {
            const item = items[vi.index];
            return item ? (
              <div key={vi.key} className="vrow" style={{ transform: `translateY(${vi.start}px)`, height: ROW_HEIGHT }}>
                <ImageRowView item={item} now={now} offline={offline} onRemove={onRemove} onPush={onPush} />
              </div>
            ) : null;
          })}
        </div>
      </div>
    </div>
  );
}
