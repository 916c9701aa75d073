import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VolumeRow } from '../../../vm-backend/api/contract.volumes';
import { getBridge } from '../../bridge';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ListToolbar } from '../../components/ListToolbar';
import { Term } from '../../components/Term';
import { cliHintProps } from '../../components/useCli';
import { formatBytes } from '../../lib/format';
import { RunDialogHost } from '../run/RunDialogHost';
import { VolumeFilesPanel } from '../files/VolumeFilesPanel';
import { CreateVolumeDialog } from './CreateVolumeDialog';
import { PruneVolumesDialog } from './PruneVolumesDialog';
import { RemoveVolumeDialog } from './RemoveVolumeDialog';
import { VolumeList } from './VolumeList';
import { pruneCli } from './volume-actions';
import { loadSizes, loadVolumes, useVolumes } from './volumes-store';
import './volumes.css';

export function VolumesView(): React.JSX.Element {
  const { t } = useTranslation();
  const list = useVolumes((s) => s.list);
  const sizes = useVolumes((s) => s.sizes);
  const sizesLoading = useVolumes((s) => s.sizesLoading);
  const sizesError = useVolumes((s) => s.sizesError);
  const listError = useVolumes((s) => s.listError);
  const [query, setQuery] = useState('');
  const [creating, setCreating] = useState(false);
  const [pruning, setPruning] = useState(false);
  const [removing, setRemoving] = useState<VolumeRow | null>(null);
  const [browsing, setBrowsing] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    void loadVolumes(getBridge());
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  const q = useDeferredValue(query.trim().toLowerCase());
  const rows = useMemo(
    () =>
      Object.values(list.byId)
        .filter((v) => !q || v.name.toLowerCase().includes(q) || v.users.some((u) => u.name.toLowerCase().includes(q)))
        .sort(
          (a, b) => Number(a.anonymous) - Number(b.anonymous) || b.created - a.created || a.name.localeCompare(b.name),
        ),
    [list, q],
  );
  const count = Object.keys(list.byId).length;
  const total = sizes ? Object.values(sizes).reduce((s, n) => s + Math.max(0, n), 0) : null;
  const browsed = browsing ? list.byId[browsing] : undefined;
  return (
    <section className="view" aria-labelledby="volumes-title">
      <div className="view__main">
        <ListToolbar
          titleId="volumes-title"
          title={t('volumes.title')}
          titleNote={<Term term="volume" compact />}
          searchLabel={t('volumes.searchPlaceholder')}
          query={query}
          onQuery={setQuery}
          count={
            <span data-testid="volumes-count">
              {t('volumes.count', { count })}
              {total !== null && ` · ${formatBytes(total)}`}
            </span>
          }
          actions={
            <>
              <button
                type="button"
                className="btn"
                onClick={() => setCreating(true)}
                {...cliHintProps('docker volume create')}
              >
                {t('volumes.create')}
              </button>
              <button type="button" className="btn" onClick={() => setPruning(true)} {...cliHintProps(pruneCli())}>
                {t('volumes.prune')}
              </button>
            </>
          }
        />
        {listError && <ErrorNotice error={listError} />}
        {sizesError && (
          <div className="vol-files__head">
            <ErrorNotice error={sizesError} />
            <button type="button" className="btn btn--small" onClick={() => void loadSizes(getBridge())}>
              {t('volumes.retrySizes')}
            </button>
          </div>
        )}
        {list.loaded && count === 0 && <p className="empty">{t('volumes.empty')}</p>}
        <VolumeList
          rows={rows}
          sizes={sizes}
          sizeLoading={sizesLoading}
          now={now}
          actions={{ onBrowse: (v) => setBrowsing(v.name), onRemove: setRemoving }}
        />
        {browsing && (
          <VolumeFilesPanel volume={browsing} gone={list.loaded && !browsed} onClose={() => setBrowsing(null)} />
        )}
      </div>
      {creating && <CreateVolumeDialog onClose={() => setCreating(false)} />}
      {pruning && <PruneVolumesDialog onClose={() => setPruning(false)} />}
      {removing && <RemoveVolumeDialog volume={removing} onClose={() => setRemoving(null)} />}
      <RunDialogHost />
    </section>
  );
}
