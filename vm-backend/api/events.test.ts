import { describe, expect, it } from 'vitest';
import { EVENT_NAMES, events, isEventName, STREAM_EVENT_NAMES, STREAM_ROUTED_EVENT_NAMES } from './events';
import { IPC_CHANNELS } from './preload-api';

describe('events', () => {
  it('broadcasts the list and VM events, and sends streams and pulls only to their client', () => {
    expect([...EVENT_NAMES].sort()).toEqual([
      'build:changed',
      'build:output',
      'containers:changed',
      'engine:state',
      'images:changed',
      'networks:changed',
      'vm:state',
      'volumes:changed',
    ]);
    expect([...STREAM_EVENT_NAMES].sort()).toEqual([
      'compose:progress',
      'exec:exit',
      'exec:output',
      'files:copy-progress',
      'logs:chunk',
      'logs:end',
      'logs:state',
      'pull:progress',
      'push:progress',
      'stats:end',
      'stats:sample',
    ]);
  });

  it('puts every event in exactly one of the two lists', () => {
    const both = [...EVENT_NAMES, ...STREAM_EVENT_NAMES];
    expect(new Set(both).size).toBe(both.length);
    expect(both.sort()).toEqual(Object.keys(events).sort());
    expect(Object.isFrozen(EVENT_NAMES) && Object.isFrozen(STREAM_EVENT_NAMES)).toBe(true);
  });

  it('routes the log and terminal events by stream id, not pulls', () => {
    expect([...STREAM_ROUTED_EVENT_NAMES].sort()).toEqual([
      'exec:exit',
      'exec:output',
      'logs:chunk',
      'logs:end',
      'logs:state',
      'stats:end',
      'stats:sample',
    ]);
    for (const name of STREAM_ROUTED_EVENT_NAMES) expect(STREAM_EVENT_NAMES).toContain(name);
  });

  it('knows only its own names, not inherited ones', () => {
    for (const name of Object.keys(events)) expect(isEventName(name), name).toBe(true);
    for (const bad of ['constructor', '__proto__', 'toString', '', 'ENGINE:STATE', 'wharf:event', 1, null]) {
      expect(isEventName(bad), String(bad)).toBe(false);
    }
  });
});

describe('IPC_CHANNELS', () => {
  it('gives each preload member its own wharf: channel', () => {
    const channels = Object.values(IPC_CHANNELS);
    expect(new Set(channels).size).toBe(channels.length);
    expect(IPC_CHANNELS).toEqual({
      invoke: 'wharf:invoke',
      on: 'wharf:event',
      openExternal: 'wharf:open-external',
      saveLogs: 'wharf:save-logs',
      pickFolder: 'wharf:pick-folder',
      chooseSavePath: 'wharf:choose-save-path',
      setTheme: 'wharf:set-theme',
    });
  });
});
