import { useTranslation } from 'react-i18next';
import { setThemePreference, useTheme } from './theme';
import { THEME_PREFERENCES, type ThemePreference } from './theme-preference';

/** The sidebar's System / Light / Dark choice. */
export function ThemePicker(): React.JSX.Element {
  const { t } = useTranslation();
  const preference = useTheme((s) => s.preference);
  return (
    <label className="lang">
      {t('theme.label')}
      <select value={preference} onChange={(e) => setThemePreference(e.target.value as ThemePreference)}>
        {THEME_PREFERENCES.map((p) => (
          <option key={p} value={p}>
            {t(`theme.${p}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
