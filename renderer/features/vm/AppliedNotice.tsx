// What applying VM settings (resources, shared folders) did: applied, or applied for the next start
// with "Restart now" beside it.
import { useTranslation } from 'react-i18next';
import type { VmSettingsResult } from '../../../vm-backend/api/contract.vm';
import type { Bridge } from '../../bridge/types';
import { cliHintProps } from '../../components/useCli';
import { vmAction } from './vm-store';

export function AppliedNotice({
  result,
  bridge,
  restartTestId,
}: {
  result: VmSettingsResult | null;
  bridge: Bridge;
  /** data-testid of the "restart to apply" line. */
  restartTestId: string;
}): React.JSX.Element | null {
  const { t } = useTranslation();
  if (!result?.applied) return null;
  if (!result.restartNeeded)
    return (
      <span className="small" role="status">
        {t('vmPanel.settings.applied')}
      </span>
    );
  return (
    <>
      <span className="small" role="status" data-testid={restartTestId}>
        {t('vmPanel.settings.appliedRestart')}
      </span>
      <button
        type="button"
        className="btn"
        onClick={() => void vmAction(bridge, 'restart')}
        {...cliHintProps('wharf vm restart')}
      >
        {t('vmPanel.settings.restartNow')}
      </button>
    </>
  );
}
