// The beginner's diagram of a bridge network, from live data read on the engine's host: the bridge
// (docker0 or br-...), and for each container the veth pair, the host end on the bridge and eth0
// inside the container with its IP. Plain SVG: it is a diagram, not a chart. Clicking a container
// goes to it.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NetworkPicture, NetworkRow } from '../../../vm-backend/api/contract.networks';
import type { WharfErrorShape } from '../../../vm-backend/api/types';
import { getBridge } from '../../bridge';
import { ErrorNotice } from '../../components/ErrorNotice';
import { goToContainer, loadPicture } from './network-actions';
import { Term } from '../../components/Term';

const COL = 130;
const PAD = 10;

export function NetworkPictureView({ row }: { row: NetworkRow }): React.JSX.Element {
  const { t } = useTranslation();
  const [picture, setPicture] = useState<NetworkPicture | null>(null);
  const [error, setError] = useState<WharfErrorShape | null>(null);
  // Read again when who is attached changes (a connect, a start, a stop).
  const key = `${row.id}:${row.containers.map((c) => `${c.id}/${c.ipv4 ?? ''}`).join(',')}`;
  useEffect(() => {
    let live = true;
    void loadPicture(getBridge(), key.slice(0, key.indexOf(':'))).then((r) => {
      if (!live) return;
      setPicture(r.picture ?? null);
      setError(r.error ?? null);
    });
    return () => {
      live = false;
    };
  }, [key]);
  return (
    <section className="networks__picture" aria-label={t('networks.picture.title')}>
      <h3>
        {t('networks.picture.title')} <Term term="bridge" compact />
      </h3>
      <p className="networks__note">{t('networks.picture.explain')}</p>
      {!picture && !error && <p>{t('common.loading')}</p>}
      {error && <ErrorNotice error={error} />}
      {picture && <Diagram picture={picture} />}
      {picture?.via === 'unavailable' && <p className="networks__note">{t('networks.picture.unavailable')}</p>}
    </section>
  );
}

function Diagram({ picture }: { picture: NetworkPicture }): React.JSX.Element {
  const { t } = useTranslation();
  const n = Math.max(picture.ends.length, 1);
  const width = Math.max(n * COL + PAD * 2, 300);
  const height = 260;
  const bridgeY = 44;
  const vethY = 112;
  const lineY = 146;
  const ethY = 190;
  const x = (i: number): number => PAD + COL * i + COL / 2 + (width - PAD * 2 - n * COL) / 2;
  return (
    <div className="networks__svgwrap">
      <svg
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={t('networks.picture.aria', { bridge: picture.bridge, count: picture.ends.length })}
        data-testid="network-picture"
      >
        <text x={PAD} y={14} className="np-label">
          {t('networks.picture.host')}
        </text>
        <rect x={PAD} y={bridgeY - 22} width={width - PAD * 2} height={44} rx={6} className="np-bridge" />
        <text
          x={width / 2}
          y={bridgeY - 4}
          textAnchor="middle"
          className="np-strong np-mono"
          data-testid="picture-bridge"
        >
          {picture.bridge}
        </text>
        <text x={width / 2} y={bridgeY + 13} textAnchor="middle" className="np-label">
          {[picture.gateway && t('networks.picture.gateway', { gateway: picture.gateway }), picture.subnet]
            .filter(Boolean)
            .join(' · ')}
        </text>
        <line x1={PAD} x2={width - PAD} y1={lineY} y2={lineY} className="np-ns" />
        <text x={PAD} y={lineY + 14} className="np-label">
          {t('networks.picture.namespaces')}
        </text>
        {picture.ends.map((e, i) => (
          <g key={e.container} data-testid="picture-end" data-name={e.name} data-veth={e.hostVeth ?? ''}>
            <line x1={x(i)} x2={x(i)} y1={bridgeY + 22} y2={vethY - 12} className="np-wire" />
            <rect x={x(i) - 55} y={vethY - 12} width={110} height={24} rx={4} className="np-veth" />
            <text x={x(i)} y={vethY + 4} textAnchor="middle" className="np-mono">
              {e.hostVeth ?? t('networks.picture.unknownVeth')}
            </text>
            <line x1={x(i)} x2={x(i)} y1={vethY + 12} y2={ethY - 12} className="np-pair" />
            <g
              role="button"
              tabIndex={0}
              aria-label={t('networks.picture.goTo', { name: e.name })}
              className="np-container"
              onClick={() => goToContainer(e.container)}
              onKeyDown={(k) => {
                if (k.key === 'Enter' || k.key === ' ') goToContainer(e.container);
              }}
            >
              <rect x={x(i) - 60} y={ethY - 12} width={120} height={64} rx={6} className="np-box" />
              <text x={x(i)} y={ethY + 4} textAnchor="middle" className="np-mono">
                {e.ifname ?? 'eth0'} {e.ipv4 ?? ''}
              </text>
              <text x={x(i)} y={ethY + 24} textAnchor="middle" className="np-strong">
                {e.name.length > 16 ? `${e.name.slice(0, 15)}…` : e.name}
              </text>
              <text x={x(i)} y={ethY + 42} textAnchor="middle" className="np-label">
                {e.mac ?? ''}
              </text>
            </g>
          </g>
        ))}
        {picture.ends.length === 0 && (
          <text x={width / 2} y={ethY} textAnchor="middle" className="np-label">
            {t('networks.noContainers')}
          </text>
        )}
      </svg>
      <p className="networks__note">
        <span className="networks__legend" aria-hidden="true" /> {t('networks.picture.pair')}
      </p>
    </div>
  );
}
