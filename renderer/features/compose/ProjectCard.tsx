import { useTranslation } from 'react-i18next';
import type { ComposeAction, ComposeProject } from '../../../vm-backend/api/contract.compose';
import { composeCommandText } from '../../../vm-backend/api/rules/compose-args';
import { getBridge } from '../../bridge';
import { ErrorNotice } from '../../components/ErrorNotice';
import { cliHintProps } from '../../components/useCli';
import { useCompose } from './compose-store';
import type { ServiceItem } from './project-items';

const PROJECT_ACTIONS: ComposeAction[] = ['up', 'start', 'stop', 'restart', 'pull', 'build'];
const SERVICE_ACTIONS: ComposeAction[] = ['up', 'start', 'stop', 'restart', 'pull', 'build'];

/** One project: its actions and their commands, its services with theirs, the last action's output. */
export function ProjectCard(props: {
  project: ComposeProject;
  services: ServiceItem[];
  prefix: string[];
  noCli: boolean;
  onDown(): void;
  onLogs(): void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const { project: p, prefix } = props;
  const running = useCompose((s) => s.running[p.name]);
  const output = useCompose((s) => s.output[p.name]);
  const error = useCompose((s) => s.errors[p.name]);
  const off = props.noCli || !!running || !!p.problem;
  const act = (action: ComposeAction, service?: string): void => {
    const cmd = composeCommandText(prefix, p, action, service ? { service } : {});
    void useCompose.getState().act(getBridge(), { project: p.name, action, ...(service ? { service } : {}) }, cmd);
  };
  const titleId = `project-${p.name}`;
  return (
    <article className="compose-card" aria-labelledby={titleId} data-project={p.name}>
      <header className="compose-card__head">
        <h3 id={titleId}>{p.name}</h3>
        <span className="badge">{p.remembered ? t('compose.remembered') : t('compose.found')}</span>
        {p.workingDir && <code className="muted small">{p.workingDir}</code>}
      </header>
      {p.problem && <ErrorNotice error={p.problem} />}
      {p.remoteBinds?.length ? (
        <p className="compose-warn" role="note">
          {t('compose.remoteBinds', { paths: p.remoteBinds.join(', ') })}
        </p>
      ) : null}
      <div className="compose-card__actions" role="group" aria-label={p.name}>
        {PROJECT_ACTIONS.map((a) => (
          <button
            key={a}
            type="button"
            className="btn btn--small"
            disabled={off}
            onClick={() => act(a)}
            {...cliHintProps(composeCommandText(prefix, p, a))}
          >
            {t(`compose.actions.${a}`)}
          </button>
        ))}
        <button
          type="button"
          className="btn btn--small btn--danger"
          disabled={off}
          onClick={props.onDown}
          {...cliHintProps(composeCommandText(prefix, p, 'down'))}
        >
          {t('compose.actions.down')}
        </button>
        <button type="button" className="btn btn--small" onClick={props.onLogs}>
          {t('compose.logs')}
        </button>
        {p.remembered && (
          <button
            type="button"
            className="btn btn--small"
            onClick={() => void useCompose.getState().forget(getBridge(), p.name)}
          >
            {t('compose.forget')}
          </button>
        )}
      </div>
      <table className="compose-services">
        <thead>
          <tr>
            <th>{t('compose.service')}</th>
            <th>{t('compose.state')}</th>
            <th>{t('compose.image')}</th>
            <th>{t('compose.ports')}</th>
            <th>{t('compose.replicas')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {props.services.map((s) => (
            <tr key={s.name} data-service={s.name}>
              <td>{s.name}</td>
              <td>
                <span className={`badge badge--${s.state}`} data-testid="service-state" data-state={s.state}>
                  {s.state === 'none'
                    ? t('compose.notCreated')
                    : s.state
                        .split(' / ')
                        .map((x) => t(`containers.state.${x}`, { defaultValue: x }))
                        .join(' / ')}
                </span>
              </td>
              <td className="small">{s.image}</td>
              <td>
                {s.ports.map((x) => (
                  <a
                    key={`${x.hostIp}:${x.hostPort}:${x.containerPort}`}
                    href={`http://localhost:${x.hostPort}`}
                    onClick={(e) => {
                      e.preventDefault();
                      getBridge().openExternal(`http://localhost:${x.hostPort}`);
                    }}
                  >
                    {x.hostPort}:{x.containerPort}
                  </a>
                ))}
              </td>
              <td>{s.containers.length}</td>
              <td className="compose-services__actions">
                {SERVICE_ACTIONS.map((a) => (
                  <button
                    key={a}
                    type="button"
                    className="btn btn--small"
                    disabled={off}
                    aria-label={t('compose.serviceAction', { action: t(`compose.actions.${a}`), service: s.name })}
                    onClick={() => act(a, s.name)}
                    {...cliHintProps(composeCommandText(prefix, p, a, { service: s.name }))}
                  >
                    {t(`compose.actions.${a}`)}
                  </button>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {running && (
        <p className="muted small" role="status">
          {t('compose.running', { command: running })}
        </p>
      )}
      {error && <ErrorNotice error={error} />}
      {output ? (
        <pre className="compose-output" role="log" aria-label={t('compose.output')}>
          {output}
        </pre>
      ) : null}
    </article>
  );
}
