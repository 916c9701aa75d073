// The application menu. A packaged Wharf has no Reload and no Toggle Developer Tools (a beginner
// who finds them only breaks the window); a development build keeps both. Pure: data in, template out.
import type { MenuItemConstructorOptions } from 'electron';
import type { ShellText } from './shell-text';

export interface AppMenuOptions {
  packaged: boolean;
  platform: string;
  t: ShellText;
  openDocs(): void;
}

export function appMenuTemplate(o: AppMenuOptions): MenuItemConstructorOptions[] {
  const mac = o.platform === 'darwin';
  const view: MenuItemConstructorOptions[] = [
    ...(o.packaged
      ? []
      : ([
          { role: 'reload' },
          { role: 'forceReload' },
          { role: 'toggleDevTools' },
          { type: 'separator' },
        ] as MenuItemConstructorOptions[])),
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  return [
    ...(mac ? ([{ role: 'appMenu' }] as MenuItemConstructorOptions[]) : []),
    { label: o.t('menuFile'), submenu: [mac ? { role: 'close' } : { role: 'quit' }] },
    { label: o.t('menuEdit'), role: 'editMenu' },
    { label: o.t('menuView'), submenu: view },
    { label: o.t('menuWindow'), role: 'windowMenu' },
    { label: o.t('menuHelp'), role: 'help', submenu: [{ label: o.t('menuDocs'), click: () => o.openDocs() }] },
  ];
}
