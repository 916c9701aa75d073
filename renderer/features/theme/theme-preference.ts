// The colour theme: what the person chose (follow the system, or always light or dark) and what
// that gives with the system's current scheme. Pure, so the choice's rules are tested alone.

export const THEME_PREFERENCES = ['system', 'light', 'dark'] as const;
export type ThemePreference = (typeof THEME_PREFERENCES)[number];
export type Theme = 'light' | 'dark';

/** The saved choice when it is one Wharf knows, else follow the system. */
export function pickThemePreference(saved: string | null): ThemePreference {
  return (THEME_PREFERENCES as readonly string[]).includes(saved ?? '') ? (saved as ThemePreference) : 'system';
}

/** What the page shows: the override when there is one, else the system's scheme. */
export function resolveTheme(preference: ThemePreference, systemDark: boolean): Theme {
  if (preference === 'system') return systemDark ? 'dark' : 'light';
  return preference;
}

/** The <html> attribute for a choice: none when following the system (the CSS follows it alone). */
export function themeAttribute(preference: ThemePreference): Theme | null {
  return preference === 'system' ? null : preference;
}
