import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { dockerCli } from '../../../vm-backend/api/rules/cli';
import type { ContainerRow } from '../../../vm-backend/api/types';
import { getBridge } from '../../bridge';
import { cliHintProps } from '../../components/useCli';
import { formatAgo } from '../../lib/format';
import { liveStatus } from '../../lib/live-status';
import { StatsCell } from '../stats/StatsCells';
import { actionsFor } from './container-items';

export interface RowProps {
  row: ContainerRow;
  grouped: boolean;
  selected: boolean;
  busy: boolean;
  /** The engine cannot be reached (e.g. the VM is stopped): the row is last known, its actions off. */
  offline: boolean;
  now: number;
  onToggle(id: string): void;
  onAction(row: ContainerRow, action: ReturnType<typeof actionsFor>[number]): void;
  onRemove(row: ContainerRow): void;
  onInspect(id: string): void;
}

/** One container. Memoised: re-renders only when its own row object (or selection) changes. */
export const ContainerRowView = memo(function ContainerRowView(p: RowProps): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const { row } = p;
  const published = row.ports.filter((x) => x.hostPort);
  const blocked = new Set(row.portIssues?.map((i) => i.hostPort));
  return (
    <div
      className={`crow crow--${row.state}${p.grouped ? ' crow--grouped' : ''}${p.offline ? ' crow--offline' : ''}`}
      role="row"
      data-testid="container-row"
      data-name={row.name}
      data-state={row.state}
    >
      <span role="cell" className="crow__check">
        <input
          type="checkbox"
          aria-label={t('containers.select', { name: row.name })}
          checked={p.selected}
          onChange={() => p.onToggle(row.id)}
        />
      </span>
      <span role="cell" className="crow__name">
        <button
          type="button"
          className="link-button"
          onClick={() => p.onInspect(row.id)}
          aria-label={t('containers.details', { name: row.name })}
          {...cliHintProps(dockerCli.containerInspect(row.name))}
        >
          {row.name}
        </button>
      </span>
      <span role="cell" className="crow__image" title={row.image}>
        {row.image}
      </span>
      <span role="cell" className="crow__state">
        <span className={`badge badge--${row.state}`} data-testid="container-state">
          {t(`containers.state.${row.state}`)}
        </span>
      </span>
      <span role="cell" className="crow__status" data-testid="container-status">
        {p.offline ? t('containers.statusUnknown') : liveStatus(row.status, row.statusAt, p.now)}
      </span>
      <span role="cell" className="crow__ports">
        {published.map((x) =>
          x.hostPort && blocked.has(x.hostPort) ? (
            // Not a link: it would open the program that holds the port here, not the container.
            <span key={`${x.hostPort}-${x.containerPort}-${x.protocol}`} className="port-link port-link--blocked">
              {x.hostPort}:{x.containerPort}
            </span>
          ) : (
            <a
              key={`${x.hostPort}-${x.containerPort}-${x.protocol}`}
              href={`http://localhost:${x.hostPort}`}
              className="port-link"
              aria-label={t('containers.openPort', { port: x.hostPort })}
              onClick={(e) => {
                e.preventDefault();
                getBridge().openExternal(`http://localhost:${x.hostPort}`);
              }}
            >
              {x.hostPort}:{x.containerPort}
              {x.protocol !== 'tcp' ? `/${x.protocol}` : ''}
            </a>
          ),
        )}
        {row.portIssues?.map((i) => (
          <span
            key={`issue-${i.hostPort}`}
            className="port-issue"
            role="note"
            data-testid="port-issue"
            title={i.detail}
            aria-label={t('containers.portNotForwarded', { port: i.hostPort, message: i.detail })}
          >
            ⚠ {t('containers.portTakenHere', { port: i.hostPort })}
          </span>
        ))}
      </span>
      <span role="cell" className="crow__created">
        {formatAgo(row.created, p.now, i18n.language)}
      </span>
      <StatsCell id={row.id} state={row.state} />
      <span role="cell" className="crow__actions">
        {actionsFor(row.state).map((a) => (
          <button
            key={a}
            type="button"
            className={`btn btn--small btn--${a}`}
            disabled={p.busy || p.offline}
            aria-label={t('containers.actionOn', { action: t(`containers.action.${a}`), name: row.name })}
            onClick={() => p.onAction(row, a)}
            {...cliHintProps(dockerCli.containerAction(a, [row.name]))}
          >
            {t(`containers.action.${a}`)}
          </button>
        ))}
        <button
          type="button"
          className="btn btn--small btn--danger"
          disabled={p.busy || p.offline}
          aria-label={t('containers.actionOn', { action: t('containers.action.remove'), name: row.name })}
          onClick={() => p.onRemove(row)}
          {...cliHintProps(dockerCli.containerRemove([row.name], { force: row.state === 'running', volumes: false }))}
        >
          {t('containers.action.remove')}
        </button>
      </span>
    </div>
  );
});
