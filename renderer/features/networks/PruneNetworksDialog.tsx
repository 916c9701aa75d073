import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { networkCli } from '../../../vm-backend/api/rules/network-cli';
import type { WharfErrorShape } from '../../../vm-backend/api/types';
import { getBridge } from '../../bridge';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { pruneNetworks } from './network-actions';
import { useNetworks } from './networks-store';

/** `docker network prune`: every network no container uses, except Docker's own. */
export function PruneNetworksDialog({ onClose }: { onClose(): void }): React.JSX.Element {
  const { t } = useTranslation();
  const byId = useNetworks((s) => s.list.byId);
  const unused = useMemo(() => Object.values(byId).filter((r) => !r.builtin && r.containers.length === 0), [byId]);
  const [error, setError] = useState<WharfErrorShape | null>(null);
  const [done, setDone] = useState<string[] | null>(null);
  const prune = async (): Promise<void> => {
    const r = await pruneNetworks(getBridge());
    if (r.error) setError(r.error);
    else setDone(r.deleted ?? []);
  };
  return (
    <Dialog
      title={t('networks.pruneTitle')}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" data-close onClick={onClose}>
            {done ? t('common.close') : t('common.cancel')}
          </button>
          {!done && (
            <button type="button" className="btn btn--danger" onClick={() => void prune()}>
              {t('networks.pruneConfirm')}
            </button>
          )}
        </>
      }
    >
      {!done && <p>{t('networks.pruneBody', { count: unused.length, names: unused.map((u) => u.name).join(', ') })}</p>}
      {done && <p role="status">{t('networks.pruned', { count: done.length, names: done.join(', ') })}</p>}
      {error && <ErrorNotice error={error} />}
      <code className="cli-inline">$ {networkCli.prune()}</code>
    </Dialog>
  );
}
