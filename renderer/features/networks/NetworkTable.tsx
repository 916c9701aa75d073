import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { NetworkRow } from '../../../vm-backend/api/contract.networks';
import { shortId } from '../../lib/format';
import { useNetworks } from './networks-store';

const Row = memo(function Row({ row, selected }: { row: NetworkRow; selected: boolean }): React.JSX.Element {
  const { t } = useTranslation();
  const select = useNetworks((s) => s.select);
  const subnet = row.subnets.map((s) => s.subnet).join(', ');
  const gateway = row.subnets.flatMap((s) => (s.gateway ? [s.gateway] : [])).join(', ');
  return (
    <tr
      data-testid="network-row"
      data-name={row.name}
      aria-selected={selected}
      className={selected ? 'is-selected' : ''}
    >
      <td>
        <button type="button" className="networks__name" onClick={() => select(selected ? null : row.id)}>
          {row.name}
        </button>
        {row.name === 'bridge' && row.bridge === 'docker0' && (
          <span className="badge" title={t('networks.docker0Title')}>
            {t('networks.docker0')}
          </span>
        )}
        {row.builtin && row.name !== 'bridge' && <span className="badge">{t('networks.builtin')}</span>}
      </td>
      <td>{row.driver}</td>
      <td>{row.scope}</td>
      <td data-testid="network-subnet">{subnet || '—'}</td>
      <td>{gateway || '—'}</td>
      <td>{row.internal ? t('networks.yes') : t('networks.no')}</td>
      <td>{row.ipv6 ? t('networks.yes') : t('networks.no')}</td>
      <td data-testid="network-containers">{row.containers.length}</td>
      <td>
        <code>{shortId(row.id)}</code>
      </td>
    </tr>
  );
});

export function NetworkTable({ rows, selected }: { rows: NetworkRow[]; selected: string | null }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <div className="networks__scroll">
      <table className="networks__table" aria-label={t('networks.title')}>
        <thead>
          <tr>
            <th scope="col">{t('networks.col.name')}</th>
            <th scope="col">{t('networks.col.driver')}</th>
            <th scope="col">{t('networks.col.scope')}</th>
            <th scope="col">{t('networks.col.subnet')}</th>
            <th scope="col">{t('networks.col.gateway')}</th>
            <th scope="col">{t('networks.col.internal')}</th>
            <th scope="col">{t('networks.col.ipv6')}</th>
            <th scope="col">{t('networks.col.containers')}</th>
            <th scope="col">{t('networks.col.id')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <Row key={r.id} row={r} selected={r.id === selected} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
