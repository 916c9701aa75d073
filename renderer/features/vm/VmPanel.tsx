import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getBridge } from '../../bridge';
import { cliHintProps } from '../../components/useCli';
import { Dialog } from '../../components/Dialog';
import { VmActions } from './VmActions';
import { VmProblemView } from './VmProblemView';
import { VmSettingsForm } from './VmSettingsForm';
import { VmSharesForm } from './VmSharesForm';
import { useVm } from './vm-store';
import { accelName, accelNoteText, bootTimeText, progressText } from './vm-text';
import './vm.css';
import { Term } from '../../components/Term';

function useNow(ms: number): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(id);
  }, [ms]);
  return now;
}

/** The VM panel: state and progress, problems, resources, uptime, actions, settings, console. */
export function VmPanel(): React.JSX.Element | null {
  const { t, i18n } = useTranslation();
  const { open, overview, busy, actionError, diagnose } = useVm();
  const [consoleText, setConsole] = useState<string | null>(null);
  const [showSettings, setShowSettings] = useState(false);
  const now = useNow(1000);
  if (!open || !overview) return null;
  const s = overview.status;
  const close = (): void => useVm.getState().show(false);
  const bridge = getBridge();
  const footer = (
    <button type="button" className="btn" data-close onClick={close}>
      {t('common.close')}
    </button>
  );
  const live = s ? ['starting', 'running', 'degraded'].includes(s.state) : false;
  return (
    <Dialog title={t('vm.title')} onClose={close} footer={footer}>
      {!overview.available || !s ? (
        overview.problem ? (
          <VmProblemView problem={overview.problem} kind="error" testId="vm-problem" />
        ) : (
          <p>{t('vm.unavailable')}</p>
        )
      ) : (
        <div className="vm-panel" data-testid="vm-panel" data-state={s.state}>
          <p role="status" data-testid="vm-state">
            <strong>{t(`vm.state.${s.state}`)}</strong> · <span data-testid="vm-progress">{progressText(t, s)}</span>
            {s.state === 'starting' && (
              <>
                {' '}
                · <span data-testid="vm-boot-time">{bootTimeText(t, now - s.since, s.typicalBootMs)}</span>
              </>
            )}
          </p>
          {s.problem && (
            <VmProblemView problem={s.problem} kind={s.state === 'degraded' ? 'warn' : 'error'} testId="vm-problem" />
          )}
          {s.warning && <VmProblemView problem={s.warning} kind="warn" testId="vm-warning" />}
          {actionError && <VmProblemView problem={actionError} kind="error" testId="vm-action-error" />}
          {s.notice && (
            <p className="muted small" data-testid="vm-notice">
              {accelNoteText(t, s.notice)}
            </p>
          )}
          {overview.inUse === false && (
            <p className="small" data-testid="vm-other-engine">
              {t('vmPanel.engine.other', { target: overview.engine ?? '' })}
            </p>
          )}
          <ul className="vm-facts">
            {overview.settings && (
              <li>
                {t('vm.resources', {
                  cpus: overview.settings.cpus,
                  memory: overview.settings.memoryMiB,
                  disk: overview.settings.diskGiB,
                })}
              </li>
            )}
            {s.accel && <li>{t('vm.accel', { accel: accelName(t, (k) => i18n.exists(k), s.accel) })}</li>}
            {s.sshPort && <li>{t('vm.ssh', { port: s.sshPort })}</li>}
            {(s.state === 'running' || s.state === 'degraded') && s.bootedAt && (
              <li data-testid="vm-uptime">
                {t('vm.uptime', { seconds: Math.max(0, Math.round((now - s.bootedAt) / 1000)) })}
              </li>
            )}
          </ul>
          <VmActions s={s} busy={busy} inUse={overview.inUse !== false} />
          {diagnose && (
            <p className="small" role="status" data-testid="vm-diagnose-done">
              {t('vmPanel.diagnose.made', {
                name: diagnose.name,
                kb: Math.max(1, Math.round(diagnose.bytes / 1024)),
                count: diagnose.files.length,
              })}
            </p>
          )}
          <div className="vm-actions">
            {overview.settings && overview.host && (
              <button
                type="button"
                className="btn"
                aria-expanded={showSettings}
                onClick={() => setShowSettings(!showSettings)}
                {...cliHintProps('wharf vm settings')}
              >
                {t('vmPanel.actions.settings')}
              </button>
            )}
            <button
              type="button"
              className="btn"
              onClick={() => void bridge.call('vm:console', {}).then(setConsole, () => setConsole(''))}
              {...cliHintProps('wharf vm logs')}
            >
              {t('vm.showConsole')}
            </button>
            <Term term="vm" compact />
          </div>
          {showSettings && overview.settings && overview.host && (
            <VmSettingsForm current={overview.settings} host={overview.host} live={live} />
          )}
          {showSettings && overview.settings && <VmSharesForm current={overview.settings.shares ?? []} live={live} />}
          {consoleText !== null && (
            <pre className="vm-console" role="log" aria-label={t('vm.console')}>
              {consoleText || t('vm.consoleEmpty')}
            </pre>
          )}
        </div>
      )}
    </Dialog>
  );
}
