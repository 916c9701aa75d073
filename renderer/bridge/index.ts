import { electronBridge } from './electron-bridge';
import type { Bridge } from './types';
import { webSocketBridge } from './ws-bridge';

export type { Bridge } from './types';

const TOKEN_KEY = 'wharf.token';

/** Web mode's token arrives as ?token=; keep it for this tab and take it out of the address bar. */
function takeToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

let bridge: Bridge | null = null;

/** window.wharf (Electron) when present, else the WebSocket of web mode. */
export function getBridge(): Bridge {
  if (bridge) return bridge;
  if (window.wharf) {
    bridge = electronBridge(window.wharf);
  } else {
    const proto = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
    bridge = webSocketBridge(`${proto}//${window.location.host}/ws?token=${encodeURIComponent(takeToken())}`);
  }
  return bridge;
}
