import { useTranslation } from 'react-i18next';
import { LANGUAGES, type LanguageCode, setLanguage } from '../../i18n';
import { VIEWS } from '../../domains';
import { useStore } from '../../store/store';
import { useRegistriesDialog } from '../registries/registries-store';
import { useSearch } from '../search/search-store';
import { useTargets } from '../targets/targets-store';
import { ThemePicker } from '../theme/ThemePicker';
import { VmIndicator } from '../vm/VmIndicator';

export function Sidebar(): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const view = useStore((s) => s.view);
  const setView = useStore((s) => s.setView);
  const storedEngine = useStore((s) => s.engine);
  // While Wharf's own backend is away, the last engine state it sent is stale: say what is known.
  const backendLost = useStore((s) => s.backendLink === 'closed');
  const engine = backendLost ? null : storedEngine;
  const state = backendLost ? 'backend-unreachable' : (engine?.state ?? 'connecting');
  return (
    <nav className="sidebar" aria-label={t('app.nav')}>
      <div className="brand">⚓ {t('app.name')}</div>
      <button
        type="button"
        className="navbtn"
        aria-keyshortcuts="Control+K Meta+K"
        onClick={() => useSearch.getState().show(true)}
      >
        {t('search.open')}
      </button>
      <ul className="sidebar__nav">
        {VIEWS.map(({ id: v }) => (
          <li key={v}>
            <button
              type="button"
              className="navbtn"
              aria-current={view === v ? 'page' : undefined}
              onClick={() => setView(v)}
            >
              {t(`nav.${v}`)}
            </button>
          </li>
        ))}
      </ul>
      <div className="sidebar__foot">
        <button type="button" className="navbtn" onClick={() => useRegistriesDialog.getState().show(true)}>
          {t('registries.open')}
        </button>
        <VmIndicator />
        <div
          className={`engine-dot engine-dot--${state}`}
          role="status"
          data-testid="engine-state"
          data-state={state}
          data-target={storedEngine?.target}
        >
          {engine?.target && (
            <div className="engine-target" data-testid="engine-target">
              {t('targets.engineName', { name: engine.target })}
            </div>
          )}
          <span className="dot" aria-hidden="true" /> {backendLost ? t('app.backendUnreachable') : t(`engine.${state}`)}
          {backendLost && <div className="muted small">{t('app.backendUnreachableDetail')}</div>}
          {engine?.engineVersion && (
            <div className="muted small">
              {t('engine.version', { version: engine.engineVersion, api: engine.apiVersion })}
            </div>
          )}
          {engine?.hostKey && (
            <div className="muted small host-key" data-testid="engine-host-key">
              {t('engine.hostKey', { fingerprint: engine.hostKey })}
            </div>
          )}
          <button
            type="button"
            className="btn btn--small engine-switch"
            data-testid="open-targets"
            onClick={() => useTargets.getState().show(true)}
          >
            {t('targets.open')}
          </button>
        </div>
        <label className="lang">
          {t('app.language')}
          <select value={i18n.language} onChange={(e) => setLanguage(e.target.value as LanguageCode)}>
            {LANGUAGES.map((l) => (
              <option key={l.code} value={l.code}>
                {l.label}
              </option>
            ))}
          </select>
        </label>
        <ThemePicker />
      </div>
    </nav>
  );
}
