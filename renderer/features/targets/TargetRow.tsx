// One engine in the Targets dialog: its address, whether it is in use, its last test (versions,
// host key, or the error), and Test / Use / Edit / Remove, each showing its command in the CLI bar.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TargetTestResult, TargetView } from '../../../vm-backend/api/contract.targets';
import { ErrorNotice } from '../../components/ErrorNotice';
import { cliHintProps } from '../../components/useCli';
import { useStore } from '../../store/store';
import { COMMAND_LINE_TARGET } from '../../../vm-backend/api/rules/docker-context-name';
import { addressOf, cli, dockerContextOf } from './target-cli';
import { useTargets } from './targets-store';

function TestResult({ r }: { r: TargetTestResult }): React.JSX.Element {
  const { t } = useTranslation();
  if (!r.ok) {
    return (
      <div className="target__test" data-testid="target-test" data-ok="false">
        {r.error && <ErrorNotice error={r.error} />}
        {r.hostKey && <p className="muted small">{t('targets.fingerprint', { fingerprint: r.hostKey })}</p>}
      </div>
    );
  }
  return (
    <div className="target__test" role="status" data-testid="target-test" data-ok="true">
      <p>{t('targets.testOk', { version: r.engineVersion ?? '?', api: r.apiVersion ?? '?' })}</p>
      {r.hostKey && (
        <p className="small" data-testid="target-fingerprint" data-fingerprint={r.hostKey}>
          {r.hostKeyFirstUse
            ? t('targets.fingerprintPinned', { fingerprint: r.hostKey })
            : t('targets.fingerprintKnown', { fingerprint: r.hostKey })}
        </p>
      )}
    </div>
  );
}

export function TargetRow({ target, active }: { target: TargetView; active: boolean }): React.JSX.Element {
  const { t } = useTranslation();
  const busy = useTargets((s) => s.busy);
  const test = useTargets((s) => s.overview?.tests[target.name]);
  const switching = useTargets((s) => s.overview?.switching);
  const [confirm, setConfirm] = useState(false);
  const { name, engine, identity } = target;
  const isSsh = engine.startsWith('ssh://');
  const ctx = dockerContextOf(target);
  const act = (cmd: string, fn: () => Promise<unknown>): void => {
    useStore.getState().ranCli(cmd);
    void fn();
  };
  const s = useTargets.getState();
  return (
    <li
      className={`target${active ? ' target--active' : ''}`}
      data-testid="target-row"
      data-name={name}
      data-active={active ? 'true' : 'false'}
      aria-current={active ? 'true' : undefined}
    >
      <div className="target__head">
        <strong>{name}</strong>
        {active && <span className="badge badge--running">{t('targets.active')}</span>}
        {switching === name && <span className="badge">{t('targets.switching')}</span>}
        <span className="muted small">
          {isSsh ? addressOf(engine) : t(`targets.kind.${engine === 'vm' ? 'vm' : 'local'}`)}
        </span>
      </div>
      {identity && <div className="muted small">{t('targets.keyFile', { path: identity })}</div>}
      {ctx && engine !== 'local' && (
        <div className="muted small">
          <code>docker --context {ctx} ps</code>
        </div>
      )}
      <div className="target__actions">
        <button
          type="button"
          className="btn btn--small"
          disabled={!!busy}
          {...cliHintProps(cli.test(name))}
          onClick={() => act(cli.test(name), () => s.test(name))}
        >
          {busy === `test:${name}` ? t('targets.testing') : t('targets.test')}
        </button>
        <button
          type="button"
          className="btn btn--small"
          disabled={!!busy || active}
          {...cliHintProps(cli.use(target))}
          onClick={() => act(cli.use(target), () => s.use(name))}
        >
          {busy === `use:${name}` ? t('targets.switching') : t('targets.use')}
        </button>
        {isSsh && name !== COMMAND_LINE_TARGET && (
          <button
            type="button"
            className="btn btn--small"
            disabled={!!busy}
            {...cliHintProps(cli.add(name, engine, identity))}
            onClick={() => s.edit({ name, address: addressOf(engine), identity: identity ?? '', previous: name })}
          >
            {t('targets.edit')}
          </button>
        )}
        {!['local', 'vm', COMMAND_LINE_TARGET].includes(name) && !confirm && (
          <button
            type="button"
            className="btn btn--small btn--danger"
            disabled={!!busy}
            {...cliHintProps(cli.remove(name))}
            onClick={() => setConfirm(true)}
          >
            {t('targets.remove')}
          </button>
        )}
      </div>
      {confirm && (
        <div className="target__confirm" role="alertdialog" aria-label={t('targets.removeConfirm', { name })}>
          <span>{active ? t('targets.removeActive', { name }) : t('targets.removeConfirm', { name })}</span>
          <button
            type="button"
            className="btn btn--small btn--danger"
            {...cliHintProps(cli.remove(name))}
            onClick={() => {
              setConfirm(false);
              act(cli.remove(name), () => s.remove(name));
            }}
          >
            {t('targets.removeYes')}
          </button>
          <button type="button" className="btn btn--small" onClick={() => setConfirm(false)}>
            {t('common.cancel')}
          </button>
        </div>
      )}
      {test && <TestResult r={test} />}
    </li>
  );
}
