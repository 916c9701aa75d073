// Settings files Wharf could not use and set aside (never overwritten), and a data folder it
// cannot write: said with both paths, in the banner and in the Engines and Registries dialogs.
import { useTranslation } from 'react-i18next';
import type { TargetsOverview } from '../../../vm-backend/api/contract.targets';
import { ErrorNotice } from '../../components/ErrorNotice';

type Status = Pick<TargetsOverview, 'settingsNotices' | 'dataDirProblem'>;

/** `only`: the file names to show (e.g. ['registries.json']); all when absent. */
export function SettingsNotices({
  status,
  only,
}: {
  status: Status | null;
  only?: string[];
}): React.JSX.Element | null {
  const { t } = useTranslation();
  const notices = (status?.settingsNotices ?? []).filter(
    (n) => !only || only.some((name) => n.file.endsWith(`/${name}`) || n.file.endsWith(`\\${name}`)),
  );
  const problem = only ? undefined : status?.dataDirProblem;
  if (!notices.length && !problem) return null;
  return (
    <div className="settings-notices">
      {notices.map((n) => (
        <div
          key={n.keptAs ?? n.file}
          className="banner banner--warn"
          role="status"
          data-testid="settings-notice"
          data-file={n.file}
        >
          <p>
            {n.keptAs
              ? t('settingsFiles.setAside', { file: n.file, keptAs: n.keptAs })
              : t('settingsFiles.notSetAside', { file: n.file })}
          </p>
          <p className="muted small">{t('settingsFiles.hint')}</p>
          {n.reason && (
            <details>
              <summary>{t('common.details')}</summary>
              <pre>{n.reason}</pre>
            </details>
          )}
        </div>
      ))}
      {problem && <ErrorNotice error={problem} />}
    </div>
  );
}
