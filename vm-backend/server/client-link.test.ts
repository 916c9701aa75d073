import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { ClientLink } from '../api/client-link';
import type { Backend } from '../wiring/backend-types';
import { createClientLink } from './client-link';
import { serveSocket } from './ws-session';

describe('createClientLink', () => {
  it('delivers until closed, then runs every close callback once', () => {
    const sent: unknown[] = [];
    const link = createClientLink('t', (e, p) => sent.push([e, p]));
    const a = vi.fn();
    const b = vi.fn();
    link.onClose(a);
    const offB = link.onClose(b);
    offB();
    link.send('engine:state', { state: 'connecting', endpoint: 'x' });
    link.close();
    link.close();
    link.send('engine:state', { state: 'connecting', endpoint: 'y' });
    expect(sent).toHaveLength(1);
    expect(a).toHaveBeenCalledTimes(1);
    expect(b).not.toHaveBeenCalled();
  });

  it('gives each link its own id', () => {
    expect(createClientLink('t', () => {}).id).not.toBe(createClientLink('t', () => {}).id);
  });
});

class FakeSocket extends EventEmitter {
  readonly OPEN = 1;
  readyState = 1;
  out: string[] = [];
  send(s: string): void {
    this.out.push(s);
  }
  close(): void {
    this.readyState = 3;
    this.emit('close');
  }
}

describe('serveSocket', () => {
  it('passes one ClientLink per socket to invoke; its events reach only that socket; close ends it', async () => {
    const links: ClientLink[] = [];
    const backend: Backend = {
      invoke: async (_n, _i, client) => {
        if (client) links.push(client);
        return { ok: true, value: null };
      },
      on: () => () => {},
      close: async () => {},
    };
    const s1 = new FakeSocket();
    const s2 = new FakeSocket();
    serveSocket(s1 as never, backend);
    serveSocket(s2 as never, backend);
    s1.emit('message', Buffer.from(JSON.stringify({ type: 'call', id: 1, name: 'engine:status', input: {} })), false);
    s2.emit('message', Buffer.from(JSON.stringify({ type: 'call', id: 1, name: 'engine:status', input: {} })), false);
    await new Promise((r) => setTimeout(r, 0));
    expect(links).toHaveLength(2);
    expect(links[0]?.id).not.toBe(links[1]?.id);
    const closed = vi.fn();
    links[0]?.onClose(closed);
    links[0]?.send('engine:state', { state: 'ready', endpoint: 'e' });
    expect(s1.out.some((m) => m.includes('"event"'))).toBe(true);
    expect(s2.out.some((m) => m.includes('"event"'))).toBe(false);
    s1.close();
    expect(closed).toHaveBeenCalledTimes(1);
  });
});
