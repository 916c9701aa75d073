import { describe, expect, it } from 'vitest';
import { pickThemePreference, resolveTheme, themeAttribute } from './theme-preference';

describe('theme preference', () => {
  it('keeps a saved choice Wharf knows, else follows the system', () => {
    expect(pickThemePreference('dark')).toBe('dark');
    expect(pickThemePreference('light')).toBe('light');
    expect(pickThemePreference('system')).toBe('system');
    for (const bad of [null, '', 'Dark', 'blue', 'constructor', 'toString'])
      expect(pickThemePreference(bad)).toBe('system');
  });

  it('follows the system only when no override is chosen', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });

  it('marks <html> only for an override', () => {
    expect(themeAttribute('system')).toBeNull();
    expect(themeAttribute('light')).toBe('light');
    expect(themeAttribute('dark')).toBe('dark');
  });
});
