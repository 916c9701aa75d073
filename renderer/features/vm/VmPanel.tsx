import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getBridge } from '../../bridge';
import { cliHintProps } from '../../components/useCli';
import { Dialog } from '../../components/Dialog';
import { useVm, vmAction } from './vm-store';
import './vm.css';

function useNow(ms: number): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(id);
  }, [ms]);
  return now;
}

/** The VM panel: state and progress, resources, uptime, start/stop, and the console log. */
export function VmPanel(): React.JSX.Element | null {
  const { t } = useTranslation();
  const { open, overview, busy } = useVm();
  const [consoleText, setConsole] = useState<string | null>(null);
  const now = useNow(1000);
  if (!open || !overview) return null;
  const s = overview.status;
  const close = (): void => useVm.getState().show(false);
  const live = s && ['starting', 'running', 'degraded', 'stopping', 'broken'].includes(s.state);
  const canStart = s && ['absent', 'stopped', 'error'].includes(s.state);
  const bridge = getBridge();
  const footer = (
    <>
      {canStart && <button type="button" className="btn btn--primary" disabled={busy} onClick={() => void vmAction(bridge, 'start')} {...cliHintProps('wharf vm start')}>{t('vm.start')}</button>}
      {live && s?.state !== 'broken' && <button type="button" className="btn" disabled={busy && s?.state !== 'starting'} onClick={() => void vmAction(bridge, 'stop')} {...cliHintProps('wharf vm stop')}>{t('vm.stop')}</button>}
      {live && <button type="button" className="btn" onClick={() => void vmAction(bridge, 'force-stop')} {...cliHintProps('wharf vm stop --force')}>{t('vm.forceStop')}</button>}
      <button type="button" className="btn" data-close onClick={close}>{t('common.close')}</button>
    </>
  );
  return (
    <Dialog title={t('vm.title')} onClose={close} footer={footer}>
      {!overview.available || !s ? (
        <p>{t('vm.unavailable')}</p>
      ) : (
        <div className="vm-panel" data-testid="vm-panel" data-state={s.state}>
          <p role="status" data-testid="vm-state">
            <strong>{t(`vm.state.${s.state}`)}</strong>
            {s.phase && <> · {t(`vm.phase.${s.phase}`)}</>} · <span data-testid="vm-progress">{s.progress}</span>
          </p>
          {s.problem && (
            <div className="banner banner--warn" role="alert" data-testid="vm-problem">
              <strong>{s.problem.message}</strong> {s.problem.hint}
            </div>
          )}
          {s.notice && <p className="muted small">{s.notice}</p>}
          <ul className="vm-facts">
            {overview.settings && <li>{t('vm.resources', { cpus: overview.settings.cpus, memory: overview.settings.memoryMiB, disk: overview.settings.diskGiB })}</li>}
            {s.accel && <li>{t('vm.accel', { accel: s.accel })}</li>}
            {s.sshPort && <li>{t('vm.ssh', { port: s.sshPort })}</li>}
            {s.state === 'running' && s.bootedAt && <li data-testid="vm-uptime">{t('vm.uptime', { seconds: Math.max(0, Math.round((now - s.bootedAt) / 1000)) })}</li>}
          </ul>
          <p className="muted small">{t('vm.restartNote')}</p>
          <button type="button" className="btn" onClick={() => void bridge.call('vm:console', {}).then(setConsole, () => setConsole(''))} {...cliHintProps('wharf vm logs')}>{t('vm.showConsole')}</button>
          {consoleText !== null && <pre className="vm-console" aria-label={t('vm.console')}>{consoleText || t('vm.consoleEmpty')}</pre>}
        </div>
      )}
    </Dialog>
  );
}
