import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dockerCli } from '../../../vm-backend/api/rules/cli';
import { ListToolbar } from '../../components/ListToolbar';
import { Term } from '../../components/Term';
import { cliHintProps } from '../../components/useCli';
import { formatBytes } from '../../lib/format';
import { useStore } from '../../store/store';
import { ImageList } from './ImageList';
import { PushImageDialog } from '../push/PushImageDialog';
import { RunDialogHost } from '../run/RunDialogHost';
import { PruneDialog } from './PruneDialog';
import { RemoveImageDialog } from './RemoveImageDialog';
import { type ImageItem, toImageItems, totalSize } from './image-items';

export function ImagesView(): React.JSX.Element {
  const { t } = useTranslation();
  const images = useStore((s) => s.images.byId);
  const containers = useStore((s) => s.containers.byId);
  const loaded = useStore((s) => s.images.loaded);
  const [query, setQuery] = useState('');
  const [removing, setRemoving] = useState<ImageItem | null>(null);
  const [pruning, setPruning] = useState(false);
  const [pushing, setPushing] = useState<ImageItem | null>(null);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  const q = useDeferredValue(query);
  const items = useMemo(
    () => toImageItems(Object.values(images), Object.values(containers), q),
    [images, containers, q],
  );
  const count = Object.keys(images).length;
  return (
    <section className="view" aria-labelledby="images-title">
      <div className="view__main">
        <ListToolbar
          titleId="images-title"
          title={t('images.title')}
          titleNote={<Term term="image" compact />}
          searchLabel={t('images.searchPlaceholder')}
          query={query}
          onQuery={setQuery}
          count={t('images.count', { count, size: formatBytes(totalSize(Object.values(images))) })}
          actions={
            <button
              type="button"
              className="btn"
              onClick={() => setPruning(true)}
              {...cliHintProps(dockerCli.imagePrune())}
            >
              {t('images.prune')}
            </button>
          }
        />
        {loaded && count === 0 && <p className="empty">{t('images.empty')}</p>}
        {loaded && count > 0 && items.length === 0 && <p className="empty">{t('images.noMatch')}</p>}
        <ImageList items={items} now={now} onRemove={setRemoving} onPush={setPushing} />
      </div>
      {removing && <RemoveImageDialog item={removing} onClose={() => setRemoving(null)} />}
      {pruning && <PruneDialog onClose={() => setPruning(false)} />}
      {pushing && <PushImageDialog image={pushing.ref} onClose={() => setPushing(null)} />}
      <RunDialogHost />
    </section>
  );
}
