import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NetworkRow } from '../../../vm-backend/api/contract.networks';
import { networkCli } from '../../../vm-backend/api/rules/network-cli';
import type { WharfErrorShape } from '../../../vm-backend/api/types';
import { getBridge } from '../../bridge';
import { ErrorNotice } from '../../components/ErrorNotice';
import { cliHintProps } from '../../components/useCli';
import { useStore } from '../../store/store';
import { NetworkPictureView } from './NetworkPictureView';
import { connectContainer, disconnectContainer, goToContainer, removeNetwork } from './network-actions';
import { useNetworks } from './networks-store';

export function NetworkDetails({ row }: { row: NetworkRow }): React.JSX.Element {
  const { t } = useTranslation();
  const close = useNetworks((s) => s.select);
  const containers = useStore((s) => s.containers.byId);
  const offline = useStore((s) => s.engine?.state !== 'ready');
  const [error, setError] = useState<WharfErrorShape | null>(null);
  const [pick, setPick] = useState('');
  const [alias, setAlias] = useState('');
  const attached = new Set(row.containers.map((c) => c.id));
  const v6 = row.ipv6 || row.containers.some((c) => c.ipv6);
  const candidates = Object.values(containers)
    .filter((c) => !attached.has(c.id))
    .sort((a, b) => a.name.localeCompare(b.name));
  const act = async (p: Promise<WharfErrorShape | null>): Promise<boolean> => {
    const e = await p;
    setError(e);
    return !e;
  };
  return (
    <aside className="inspect networks__details" aria-label={t('networks.detailsOf', { name: row.name })}>
      <header className="inspect__head">
        <h2>{row.name}</h2>
        <button type="button" className="btn btn--small" onClick={() => close(null)}>
          {t('common.close')}
        </button>
      </header>
      <code className="cli-inline">$ {networkCli.inspect(row.name)}</code>
      {row.name === 'bridge' && row.bridge === 'docker0' && (
        <p className="networks__note">{t('networks.docker0Note')}</p>
      )}
      <h3>{t('networks.attached')}</h3>
      {row.containers.length === 0 && <p className="empty">{t('networks.noContainers')}</p>}
      {row.containers.length > 0 && (
        <table className="networks__endpoints" aria-label={t('networks.attached')}>
          <thead>
            <tr>
              <th scope="col">{t('networks.col.container')}</th>
              <th scope="col">IPv4</th>
              {v6 && <th scope="col">IPv6</th>}
              <th scope="col">MAC</th>
              <th scope="col">
                <span className="sr-only">{t('networks.col.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {row.containers.map((c) => (
              <tr key={c.id} data-testid="network-endpoint" data-name={c.name}>
                <td>
                  <button type="button" className="networks__name" onClick={() => goToContainer(c.id)}>
                    {c.name}
                  </button>
                </td>
                <td data-testid="endpoint-ipv4">{c.ipv4 ?? '—'}</td>
                {v6 && <td>{c.ipv6 ?? '—'}</td>}
                <td>
                  <code>{c.mac ?? '—'}</code>
                </td>
                <td>
                  {!row.builtin || row.name === 'bridge' ? (
                    <button
                      type="button"
                      className="btn btn--small"
                      disabled={offline}
                      aria-label={t('networks.disconnectOne', { name: c.name })}
                      onClick={() => void act(disconnectContainer(getBridge(), row.name, c.name))}
                      {...cliHintProps(networkCli.disconnect(row.name, c.name, false))}
                    >
                      {t('networks.disconnect')}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {row.driver === 'bridge' && (
        <form
          className="networks__connect"
          onSubmit={(e) => {
            e.preventDefault();
            if (!pick) return;
            void act(connectContainer(getBridge(), row.name, pick, alias)).then((ok) => {
              if (ok) {
                setPick('');
                setAlias('');
              }
            });
          }}
        >
          <label>
            {t('networks.connectContainer')}
            <select value={pick} onChange={(e) => setPick(e.target.value)}>
              <option value="">{t('networks.choose')}</option>
              {candidates.map((c) => (
                <option key={c.id} value={c.name}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('networks.alias')}
            <input value={alias} maxLength={64} onChange={(e) => setAlias(e.target.value)} placeholder="db" />
          </label>
          <button
            type="submit"
            className="btn btn--small"
            disabled={!pick || offline}
            {...cliHintProps(networkCli.connect(row.name, pick || '<container>', alias))}
          >
            {t('networks.connect')}
          </button>
        </form>
      )}
      {error && <ErrorNotice error={error} />}
      {row.driver === 'bridge' && <NetworkPictureView row={row} />}
      {!row.builtin && (
        <p>
          <button
            type="button"
            className="btn btn--danger"
            disabled={offline}
            onClick={() => void act(removeNetwork(getBridge(), row.name)).then((ok) => ok && close(null))}
            {...cliHintProps(networkCli.remove(row.name))}
          >
            {t('networks.remove')}
          </button>
        </p>
      )}
    </aside>
  );
}
