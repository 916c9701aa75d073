// Which page is ours: the built renderer as a file:// URL, or electron-vite's dev server when it
// tells us (ELECTRON_RENDERER_URL, unpackaged only). Every trust decision asks this one place.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface AppPage {
  /** What the window loads. */
  url: string;
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
  const url = dev ? dev.href : pathToFileURL(join(mainDir, '../renderer/index.html')).href;
  const ours = new URL(url);
  return {
    url,
    isAppUrl(candidate) {
      const u = parse(candidate);
      if (!u) return false;
      if (dev) return (u.protocol === 'http:' || u.protocol === 'https:') && u.origin === ours.origin;
      // A file URL has the opaque origin "null": compare the exact path instead.
      return u.protocol === 'file:' && u.host === ours.host && u.pathname === ours.pathname && u.search === '';
    },
  };
}
