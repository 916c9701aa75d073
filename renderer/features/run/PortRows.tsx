import { useTranslation } from 'react-i18next';
import { ANY_ADDRESS, LOOPBACK, type PortRow, portRow, type RunForm } from '../../../vm-backend/api/rules/run-form';
import {
  type HostListener,
  nextFreePort,
  pickStart,
  requestedHostPorts,
} from '../../../vm-backend/api/rules/run-ports';
import type { ContainerRow } from '../../../vm-backend/api/types';
import type { FieldProblems } from './field-errors';
import { FieldError, invalidProps } from './FieldError';
import { Term } from '../../components/Term';

interface Props {
  form: RunForm;
  update(change: (f: RunForm) => RunForm): void;
  problems: FieldProblems;
  containers: readonly ContainerRow[];
  listeners: readonly HostListener[];
}

/** Host port -> container port rows: -p [address:]host:container[/udp]. */
export function PortRows({ form, update, problems, containers, listeners }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const setRow = (i: number, patch: Partial<PortRow>): void =>
    update((f) => ({ ...f, ports: f.ports.map((p, j) => (j === i ? { ...p, ...patch } : p)) }));
  const pick = (i: number): void =>
    update((f) => {
      const row = f.ports[i];
      if (!row) return f;
      const others = new Set(requestedHostPorts(f.ports.filter((_, j) => j !== i)).map((p) => p.port));
      const port = nextFreePort(pickStart(row), row.hostIp, row.protocol, containers, listeners, others);
      return port === null
        ? f
        : { ...f, ports: f.ports.map((p, j) => (j === i ? { ...p, hostPort: String(port) } : p)) };
    });
  return (
    <fieldset className="run-section">
      <legend>
        {t('run.ports.title')} <code>-p</code> <Term term="port" compact />
      </legend>
      {form.ports.length === 0 && <p className="muted small">{t('run.ports.none')}</p>}
      {form.ports.map((p, i) => {
        const n = i + 1;
        const exposed = p.hostIp === ANY_ADDRESS || p.hostIp === '::';
        return (
          <div className="run-port" key={i} data-testid="port-row">
            <div className="run-port__line">
              <label>
                {t('run.ports.host', { n })}
                <input
                  inputMode="numeric"
                  value={p.hostPort}
                  placeholder={t('run.ports.random')}
                  onChange={(e) => setRow(i, { hostPort: e.target.value.slice(0, 16) })}
                  {...invalidProps(problems, `ports.${i}.hostPort`)}
                />
              </label>
              <span aria-hidden="true">→</span>
              <label>
                {t('run.ports.container', { n })}
                <input
                  inputMode="numeric"
                  value={p.containerPort}
                  onChange={(e) => setRow(i, { containerPort: e.target.value.slice(0, 16) })}
                  {...invalidProps(problems, `ports.${i}.containerPort`)}
                />
              </label>
              <label>
                {t('run.ports.protocol', { n })}
                <select
                  value={p.protocol}
                  onChange={(e) => setRow(i, { protocol: e.target.value === 'udp' ? 'udp' : 'tcp' })}
                >
                  <option value="tcp">tcp</option>
                  <option value="udp">udp</option>
                </select>
              </label>
              <button type="button" className="btn btn--small" onClick={() => pick(i)}>
                {t('run.ports.pick', { n })}
              </button>
              <button
                type="button"
                className="btn btn--small btn--danger"
                aria-label={t('run.ports.remove', { n })}
                onClick={() => update((f) => ({ ...f, ports: f.ports.filter((_, j) => j !== i) }))}
              >
                ×
              </button>
            </div>
            <label className="check small">
              <input
                type="checkbox"
                checked={exposed}
                onChange={(e) => setRow(i, { hostIp: e.target.checked ? ANY_ADDRESS : LOOPBACK })}
              />
              {t('run.ports.expose', { n })} <code>{p.hostIp || ANY_ADDRESS}</code>
            </label>
            {exposed && (
              <p className="run-warning" role="note">
                {t('run.ports.exposeWarning')}
              </p>
            )}
            {p.hostIp !== LOOPBACK && p.hostIp !== ANY_ADDRESS && (
              <label className="small">
                {t('run.ports.address', { n })}
                <input
                  value={p.hostIp}
                  onChange={(e) => setRow(i, { hostIp: e.target.value.slice(0, 64) })}
                  {...invalidProps(problems, `ports.${i}.hostIp`)}
                />
              </label>
            )}
            <FieldError problems={problems} field={`ports.${i}.hostPort`} />
            <FieldError problems={problems} field={`ports.${i}.containerPort`} />
            <FieldError problems={problems} field={`ports.${i}.hostIp`} />
          </div>
        );
      })}
      <button
        type="button"
        className="btn btn--small"
        onClick={() => update((f) => ({ ...f, ports: [...f.ports, portRow('')] }))}
      >
        {t('run.ports.add')}
      </button>
    </fieldset>
  );
}
