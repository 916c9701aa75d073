import { useTranslation } from 'react-i18next';
import type { EngineStatus } from '../../../vm-backend/api/types';
import { getBridge } from '../../bridge';
import { ErrorNotice } from '../../components/ErrorNotice';
import { cliHintProps } from '../../components/useCli';
import { useVm, vmAction } from '../vm/vm-store';
import { SwitchEngineButton } from './SwitchEngineButton';

/** The engine codes that mean "the `vm` engine's VM is not up" (vm-backend/vm/guest/vm-down.ts). */
export const isVmDown = (e: EngineStatus | null): boolean =>
  e?.state === 'unreachable' && !!e.error?.code.startsWith('VM_ENGINE_');

/**
 * The active engine is Wharf's VM and the VM is stopped (or died, or is starting again): said in
 * the main view with Start right there, no retry countdown and no advice for a Linux dockerd.
 */
export function VmDownBanner({ engine }: { engine: EngineStatus }): React.JSX.Element {
  const { t } = useTranslation();
  const vmState = useVm((s) => s.overview?.status?.state);
  const busy = useVm((s) => s.busy);
  const actionError = useVm((s) => s.actionError);
  const code = engine.error?.code ?? 'VM_ENGINE_STOPPED';
  const starting = code === 'VM_ENGINE_STARTING' || vmState === 'starting';
  const canStart = !starting && (vmState === undefined || ['absent', 'stopped', 'error'].includes(vmState));
  const title = starting
    ? t('engine.vmDown.starting')
    : code === 'VM_ENGINE_DIED'
      ? t('engine.vmDown.died')
      : t('engine.vmDown.stopped');
  return (
    <div
      className={`banner ${starting ? 'banner--warn' : 'banner--error'}`}
      role="region"
      aria-label={title}
      data-testid="vm-down"
      data-code={code}
    >
      <strong>{title}</strong>
      {engine.error && <ErrorNotice error={engine.error} />}
      {actionError && <ErrorNotice error={{ ...actionError, detail: actionError.detail ?? '' }} />}
      <div className="banner__actions">
        {canStart && (
          <button
            type="button"
            className="btn btn--primary"
            disabled={busy}
            onClick={() => void vmAction(getBridge(), 'start')}
            {...cliHintProps('wharf vm start')}
          >
            {t('vm.start')}
          </button>
        )}
        {!canStart && !starting && (
          <button type="button" className="btn" onClick={() => useVm.getState().show(true)}>
            {t('engine.vmDown.openPanel')}
          </button>
        )}
        <SwitchEngineButton />
      </div>
    </div>
  );
}
