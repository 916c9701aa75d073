import { useTranslation } from 'react-i18next';
import { useTargets } from '../targets/targets-store';

/** "Switch engine…" on a banner that says the engine cannot be used: opens the Engines dialog. */
export function SwitchEngineButton(): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="btn"
      data-testid="banner-open-targets"
      onClick={() => useTargets.getState().show(true)}
    >
      {t('targets.switchEngine')}
    </button>
  );
}
