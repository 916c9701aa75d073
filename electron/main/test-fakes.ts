// Stand-ins for the few Electron objects the shell touches, for the unit tests beside this file.
import type { WebContents } from 'electron';
import { vi } from 'vitest';

type Handler = (...args: unknown[]) => void;

export interface FakeContents {
  handlers: Map<string, Handler[]>;
  windowOpenHandler: ((d: { url: string }) => { action: string }) | null;
  emit(name: string, ...args: unknown[]): void;
  asContents(): WebContents;
}

export function fakeContents(): FakeContents {
  const handlers = new Map<string, Handler[]>();
  const self: FakeContents = {
    handlers,
    windowOpenHandler: null,
    emit: (name, ...args) => {
      for (const h of handlers.get(name) ?? []) h(...args);
    },
    asContents: () =>
      ({
        on: (name: string, h: Handler) => {
          handlers.set(name, [...(handlers.get(name) ?? []), h]);
        },
        setWindowOpenHandler: (h: FakeContents['windowOpenHandler']) => {
          self.windowOpenHandler = h;
        },
      }) as unknown as WebContents,
  };
  return self;
}

/** An event as Electron passes to will-navigate & co.; `prevented` tells whether it was blocked. */
export function navEvent(
  url?: string,
  isMainFrame = true,
): { url?: string; isMainFrame: boolean; prevented: boolean; preventDefault(): void } {
  const e = { url, isMainFrame, prevented: false, preventDefault: () => (e.prevented = true) };
  return e;
}

export const flush = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

export const opener = () => vi.fn(async (_url: string) => {});
