import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { networkCli } from '../../../vm-backend/api/rules/network-cli';
import { ListToolbar } from '../../components/ListToolbar';
import { cliHintProps } from '../../components/useCli';
import { useStore } from '../../store/store';
import { CreateNetworkDialog } from './CreateNetworkDialog';
import { NetworkDetails } from './NetworkDetails';
import { NetworkTable } from './NetworkTable';
import { PruneNetworksDialog } from './PruneNetworksDialog';
import { filterNetworks } from './network-items';
import { useNetworks } from './networks-store';
import './networks.css';
import { Term } from '../../components/Term';

export function NetworksView(): React.JSX.Element {
  const { t } = useTranslation();
  const byId = useNetworks((s) => s.list.byId);
  const loaded = useNetworks((s) => s.list.loaded);
  const selected = useNetworks((s) => s.selected);
  // The engine cannot be reached (e.g. the VM is stopped): actions off.
  const offline = useStore((s) => s.engine?.state !== 'ready');
  const [query, setQuery] = useState('');
  const [creating, setCreating] = useState(false);
  const [pruning, setPruning] = useState(false);
  const q = useDeferredValue(query);
  const rows = useMemo(() => filterNetworks(Object.values(byId), q), [byId, q]);
  const count = Object.keys(byId).length;
  const open = selected ? byId[selected] : undefined;
  return (
    <section className="view" aria-labelledby="networks-title">
      <div className="view__main">
        <ListToolbar
          titleId="networks-title"
          title={t('networks.title')}
          titleNote={<Term term="network" compact />}
          searchLabel={t('networks.searchPlaceholder')}
          query={query}
          onQuery={setQuery}
          count={<span {...cliHintProps(networkCli.list())}>{t('networks.count', { count })}</span>}
          countTestId="networks-count"
          actions={
            <>
              <button
                type="button"
                className="btn"
                disabled={offline}
                onClick={() => setCreating(true)}
                {...cliHintProps(networkCli.create({ name: '<name>', internal: false }))}
              >
                {t('networks.create')}
              </button>
              <button
                type="button"
                className="btn"
                disabled={offline}
                onClick={() => setPruning(true)}
                {...cliHintProps(networkCli.prune())}
              >
                {t('networks.prune')}
              </button>
            </>
          }
        />
        <p className="networks__intro">{t('networks.intro')}</p>
        {loaded && count > 0 && rows.length === 0 && <p className="empty">{t('networks.noMatch')}</p>}
        <NetworkTable rows={rows} selected={selected} />
      </div>
      {open && <NetworkDetails row={open} />}
      {creating && <CreateNetworkDialog taken={Object.values(byId)} onClose={() => setCreating(false)} />}
      {pruning && <PruneNetworksDialog onClose={() => setPruning(false)} />}
    </section>
  );
}
