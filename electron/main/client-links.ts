// One ClientLink per webContents (the Electron counterpart of one per WebSocket): stream events
// (logs, shells) go only to the window that opened them, and its streams end when the page goes
// away: the webContents is destroyed, its renderer crashes, or the main frame loads a new page.
import type { WebContents } from 'electron';
import type { EventName } from '../../vm-backend/api/contract';
import type { ClientLink } from '../../vm-backend/api/client-link';
import { createClientLink } from '../../vm-backend/server/client-link';

export interface ClientLinks {
  /** The live link of `contents`, made on first use. */
  linkFor(contents: WebContents): ClientLink;
  /** Ends every link (IPC host disposed). */
  closeAll(): void;
}

/** `tap` sees every event sent to a window (a pull ending: pull-notice.ts). */
export function clientLinks(channel: string, tap?: (name: EventName, payload: unknown) => void): ClientLinks {
  const links = new Map<WebContents, { link: ReturnType<typeof createClientLink>; end(): void }>();

  const linkFor = (contents: WebContents): ClientLink => {
    const existing = links.get(contents);
    if (existing && !existing.link.closed) return existing.link;
    const link = createClientLink('ipc', (name: EventName, payload: unknown) => {
      try {
        tap?.(name, payload);
      } catch {
        // The tap's failure never stops the window's events.
      }
      if (!contents.isDestroyed()) contents.send(channel, name, payload);
    });
    const onNavigate = (details: { isMainFrame: boolean; isSameDocument: boolean }): void => {
      if (details.isMainFrame && !details.isSameDocument) end();
    };
    const end = (): void => {
      contents.removeListener('destroyed', end);
      contents.removeListener('render-process-gone', end);
      contents.removeListener('did-start-navigation', onNavigate as never);
      if (links.get(contents)?.link === link) links.delete(contents);
      link.close();
    };
    contents.on('destroyed', end);
    contents.on('render-process-gone', end);
    contents.on('did-start-navigation', onNavigate as never);
    links.set(contents, { link, end });
    return link;
  };

  return {
    linkFor,
    closeAll: () => {
      for (const { end } of [...links.values()]) end();
    },
  };
}
