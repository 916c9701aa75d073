import { useTranslation } from 'react-i18next';
import { useVm } from './vm-store';

/** Always visible in the sidebar: the VM's state; a click opens the VM panel. */
export function VmIndicator(): React.JSX.Element | null {
  const { t } = useTranslation();
  const overview = useVm((s) => s.overview);
  if (!overview?.available || !overview.status) return null;
  const { state, phase } = overview.status;
  return (
    <button
      type="button"
      className={`navbtn vm-dot vm-dot--${state}`}
      data-testid="vm-indicator"
      data-state={state}
      onClick={() => useVm.getState().show(true)}
    >
      <span className="dot" aria-hidden="true" /> {t('vm.label')}: {t(`vm.state.${state}`)}
      {phase && <span className="muted small"> ({t(`vm.phase.${phase}`)})</span>}
    </button>
  );
}
