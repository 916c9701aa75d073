import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { appMenuTemplate } from './app-menu';
import { shellText } from './shell-text';

/** Every role and label anywhere in the menu. */
function flat(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((i) => [
    ...(i.role ? [String(i.role)] : []),
    ...(i.label ? [i.label] : []),
    ...(Array.isArray(i.submenu) ? flat(i.submenu) : []),
  ]);
}

const base = { t: shellText('en'), openDocs: () => {} };

describe('appMenuTemplate', () => {
  it('packaged: no Toggle Developer Tools and no Reload, on every platform', () => {
    for (const platform of ['darwin', 'win32', 'linux']) {
      const all = flat(appMenuTemplate({ ...base, packaged: true, platform }));
      expect(all, platform).not.toContain('toggleDevTools');
      expect(all, platform).not.toContain('reload');
      expect(all, platform).not.toContain('forceReload');
      expect(all, platform).toEqual(expect.arrayContaining(['zoomIn', 'togglefullscreen', 'editMenu']));
    }
  });

  it('a development build keeps the developer tools', () => {
    expect(flat(appMenuTemplate({ ...base, packaged: false, platform: 'linux' }))).toContain('toggleDevTools');
  });

  it('macOS gets its app menu and Close; others get Quit; Help opens the Docker docs; Korean labels', () => {
    const mac = appMenuTemplate({ ...base, packaged: true, platform: 'darwin' });
    expect(mac[0]?.role).toBe('appMenu');
    expect(flat(mac)).toContain('close');
    expect(flat(appMenuTemplate({ ...base, packaged: true, platform: 'win32' }))).toContain('quit');
    const openDocs = vi.fn();
    const help = appMenuTemplate({ ...base, openDocs, packaged: true, platform: 'linux' }).at(-1);
    const docs = (help?.submenu ?? []) as MenuItemConstructorOptions[];
    docs[0]?.click?.(undefined as never, undefined, undefined as never);
    expect(openDocs).toHaveBeenCalled();
    const ko = appMenuTemplate({ ...base, t: shellText('ko'), packaged: true, platform: 'linux' });
    expect(ko.map((i) => i.label)).toEqual(['파일', '편집', '보기', '창', '도움말']);
  });
});
