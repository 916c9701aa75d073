import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dockerCli } from '../../../vm-backend/api/rules/cli';
import type { ContainerActionName } from '../../../vm-backend/api/contract.containers';
import type { ContainerRow, WharfErrorShape } from '../../../vm-backend/api/types';
import { getBridge } from '../../bridge';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ListToolbar } from '../../components/ListToolbar';
import { Term } from '../../components/Term';
import { cliHintProps } from '../../components/useCli';
import { useStore } from '../../store/store';
import { ContainerList } from './ContainerList';
import { InspectPanel } from './InspectPanel';
import { RunDialogHost } from '../run/RunDialogHost';
import { StatsTotal } from '../stats/StatsTotal';
import { RemoveContainersDialog } from './RemoveContainersDialog';
import { actOnContainers, removeContainers, stoppable } from './container-actions';
import { toListItems } from './container-items';

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(t);
  }, [intervalMs]);
  return now;
}

export function ContainersView(): React.JSX.Element {
  const { t } = useTranslation();
  const byId = useStore((s) => s.containers.byId);
  const loaded = useStore((s) => s.containers.loaded);
  const inspected = useStore((s) => s.selectedContainer);
  const offline = useStore((s) => s.engine?.state !== 'ready');
  const selectContainer = useStore((s) => s.selectContainer);
  const [query, setQuery] = useState('');
  const [onlyRunning, setOnlyRunning] = useState(false);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [errors, setErrors] = useState<WharfErrorShape[]>([]);
  const [removing, setRemoving] = useState<ContainerRow[] | null>(null);
  const now = useNow(1_000);
  const deferredQuery = useDeferredValue(query);

  const items = useMemo(
    () => toListItems(Object.values(byId), { query: deferredQuery, onlyRunning }),
    [byId, deferredQuery, onlyRunning],
  );
  const shownRows = useMemo(() => items.flatMap((i) => (i.type === 'row' ? [i.row] : [])), [items]);
  const total = Object.keys(byId).length;
  const selectedRows = shownRows.filter((r) => selected.has(r.id));

  // Rows that disappear (removed elsewhere) leave the selection.
  useEffect(() => {
    setSelected((s) => ([...s].every((id) => byId[id]) ? s : new Set([...s].filter((id) => byId[id]))));
  }, [byId]);

  /** Marks the rows busy while the action runs, then shows what failed. */
  const track = useCallback(async (rows: readonly ContainerRow[], action: () => Promise<WharfErrorShape[]>) => {
    const ids = rows.map((r) => r.id);
    setBusy((b) => new Set([...b, ...ids]));
    const failed = await action();
    setBusy((b) => new Set([...b].filter((id) => !ids.includes(id))));
    setErrors(failed);
  }, []);

  const onAction = useCallback(
    (row: ContainerRow, action: ContainerActionName) => {
      void track([row], () => actOnContainers(getBridge(), [row], action));
    },
    [track],
  );
  const onToggle = useCallback(
    (id: string) =>
      setSelected((s) => {
        const n = new Set(s);
        if (n.has(id)) n.delete(id);
        else n.add(id);
        return n;
      }),
    [],
  );
  const onRemove = useCallback((row: ContainerRow) => setRemoving([row]), []);

  const confirmRemove = (o: { force: boolean; volumes: boolean }): void => {
    const rows = removing ?? [];
    setRemoving(null);
    const ids = rows.map((r) => r.id);
    setSelected((s) => new Set([...s].filter((id) => !ids.includes(id))));
    void track(rows, () => removeContainers(getBridge(), rows, o));
  };
  const stopSelected = (): void => {
    const rows = stoppable(selectedRows);
    if (!rows.length) return;
    void track(rows, () => actOnContainers(getBridge(), rows, 'stop'));
  };
  const allShownSelected = shownRows.length > 0 && shownRows.every((r) => selected.has(r.id));

  return (
    <section className="view" aria-labelledby="containers-title">
      <div className="view__main">
        <ListToolbar
          titleId="containers-title"
          title={t('containers.title')}
          titleNote={<Term term="container" compact />}
          searchLabel={t('containers.searchPlaceholder')}
          query={query}
          onQuery={setQuery}
          filters={
            <label className="check" {...cliHintProps(dockerCli.containerList(!onlyRunning))}>
              <input type="checkbox" checked={onlyRunning} onChange={(e) => setOnlyRunning(e.target.checked)} />{' '}
              {t('containers.onlyRunning')}
            </label>
          }
          count={t('containers.count', { shown: shownRows.length, total })}
          countTestId="containers-count"
        />
        <div className="bulkbar">
          <label className="check">
            <input
              type="checkbox"
              checked={allShownSelected}
              onChange={() => setSelected(allShownSelected ? new Set() : new Set(shownRows.map((r) => r.id)))}
            />{' '}
            {t('containers.selectAll')}
          </label>
          {selectedRows.length > 0 && (
            <>
              <span>{t('containers.selected', { count: selectedRows.length })}</span>
              <button
                type="button"
                className="btn btn--small"
                disabled={offline}
                onClick={stopSelected}
                {...cliHintProps(
                  dockerCli.containerAction(
                    'stop',
                    selectedRows.map((r) => r.name),
                  ),
                )}
              >
                {t('containers.stopSelected')}
              </button>
              <button
                type="button"
                className="btn btn--small btn--danger"
                disabled={offline}
                onClick={() => setRemoving(selectedRows)}
                {...cliHintProps(
                  dockerCli.containerRemove(
                    selectedRows.map((r) => r.name),
                    { force: true, volumes: false },
                  ),
                )}
              >
                {t('containers.removeSelected')}
              </button>
            </>
          )}
        </div>
        <StatsTotal />
        {errors.map((e, i) => (
          <ErrorNotice key={i} error={e} />
        ))}
        {loaded && total === 0 && <p className="empty">{t('containers.empty')}</p>}
        {loaded && total > 0 && shownRows.length === 0 && <p className="empty">{t('containers.noMatch')}</p>}
        <ContainerList
          items={items}
          selected={selected}
          busy={busy}
          offline={offline}
          now={now}
          onToggle={onToggle}
          onAction={onAction}
          onRemove={onRemove}
          onInspect={selectContainer}
        />
      </div>
      {inspected && byId[inspected] && <InspectPanel id={inspected} />}
      <RunDialogHost />
      {removing && (
        <RemoveContainersDialog rows={removing} onCancel={() => setRemoving(null)} onConfirm={confirmRemove} />
      )}
    </section>
  );
}
