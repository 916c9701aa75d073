// Which page is ours: the built renderer served by Wharf's own protocol (wharf://app/index.html,
// app-protocol.ts), or electron-vite's dev server when it tells us (ELECTRON_RENDERER_URL,
// unpackaged only). Every trust decision asks this one place. The page never loads from file://.
import { join } from 'node:path';

export const APP_SCHEME = 'wharf';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export interface AppPage {
  /** What the window loads. */
  url: string;
  /** The built renderer's folder, which the app protocol serves (and nothing outside it). */
  rendererDir: string;
  /** True when `candidate` is our page (any hash; no other file, host or scheme). */
  isAppUrl(candidate: unknown): boolean;
}

function parse(u: unknown): URL | null {
  if (typeof u !== 'string' || u.length === 0) return null;
  try {
    return new URL(u);
  } catch {
    return null;
  }
}

export function appPage(mainDir: string, devServerUrl: string | undefined, packaged: boolean): AppPage {
  const dev = !packaged && devServerUrl ? parse(devServerUrl) : null;
  const url = dev ? dev.href : `${APP_ORIGIN}/index.html`;
  const ours = new URL(url);
  return {
    url,
    rendererDir: join(mainDir, '../renderer'),
    isAppUrl(candidate) {
      const u = parse(candidate);
      if (!u) return false;
      if (dev) return (u.protocol === 'http:' || u.protocol === 'https:') && u.origin === ours.origin;
      return (
        u.protocol === `${APP_SCHEME}:` &&
        u.host === APP_HOST &&
        u.pathname === ours.pathname &&
        u.search === '' &&
        u.username === '' &&
        u.password === ''
      );
    },
  };
}
