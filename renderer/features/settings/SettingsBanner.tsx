// At the top of the window: what Wharf found wrong with its settings at start (a file set aside,
// a data folder it cannot write), until the user hides it.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TargetsOverview } from '../../../vm-backend/api/contract.targets';
import { getBridge } from '../../bridge';
import { useStore } from '../../store/store';
import { SettingsNotices } from './SettingsNotices';

export function SettingsBanner(): React.JSX.Element | null {
  const { t } = useTranslation();
  const link = useStore((s) => s.backendLink);
  const [status, setStatus] = useState<TargetsOverview | null>(null);
  const [hidden, setHidden] = useState(false);
  useEffect(() => {
    if (link === 'closed') return;
    getBridge()
      .call('targets:list', {})
      .then(setStatus)
      .catch(() => undefined); // the engine banner says when the backend is gone
  }, [link]);
  if (hidden || (!status?.settingsNotices?.length && !status?.dataDirProblem)) return null;
  return (
    <section aria-label={t('settingsFiles.title')} data-testid="settings-banner">
      <SettingsNotices status={status} />
      <button type="button" className="btn" onClick={() => setHidden(true)}>
        {t('settingsFiles.hide')}
      </button>
    </section>
  );
}
