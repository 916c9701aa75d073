// The page's colour theme: the saved choice (like the language, in localStorage), applied as
// `data-theme` on <html> when it overrides the system, and told to whoever draws its own colours
// (xterm) whenever the result changes: by the choice or by the system's scheme (matchMedia).
import { create } from 'zustand';
import {
  pickThemePreference,
  resolveTheme,
  type Theme,
  type ThemePreference,
  themeAttribute,
} from './theme-preference';

const STORAGE_KEY = 'wharf.theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';

interface ThemeState {
  preference: ThemePreference;
  theme: Theme;
}

export const useTheme = create<ThemeState>(() => ({ preference: 'system', theme: 'light' }));

const systemDark = (): boolean => window.matchMedia?.(DARK_QUERY).matches ?? false;

function apply(preference: ThemePreference): void {
  const attr = themeAttribute(preference);
  if (attr) document.documentElement.dataset.theme = attr;
  else delete document.documentElement.dataset.theme;
  // The desktop app's own parts (menus, dialogs, title bar) follow the choice too (nativeTheme).
  void window.wharf?.setTheme(preference).catch(() => {});
  useTheme.setState({ preference, theme: resolveTheme(preference, systemDark()) });
}

let started = false;

/** Applies the saved choice and follows the system's scheme from then on. Once, at start-up. */
export function initTheme(): void {
  apply(pickThemePreference(localStorage.getItem(STORAGE_KEY)));
  if (started) return;
  started = true;
  window.matchMedia?.(DARK_QUERY).addEventListener('change', () => apply(useTheme.getState().preference));
}

export function setThemePreference(preference: ThemePreference): void {
  localStorage.setItem(STORAGE_KEY, preference);
  apply(preference);
}

/** Calls `listener` with the theme now and on every change; returns what stops it. */
export function followTheme(listener: (theme: Theme) => void): () => void {
  listener(useTheme.getState().theme);
  return useTheme.subscribe((s, before) => {
    if (s.theme !== before.theme) listener(s.theme);
  });
}
