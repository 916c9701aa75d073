import { describe, expect, it } from 'vitest';
import type { ContainerRow } from '../../../vm-backend/api/types';
import { actionsFor, matches, toListItems, type ListItem } from './container-items';

let n = 0;
const c = (over: Partial<ContainerRow>): ContainerRow => ({
  id: (++n).toString(16).padStart(8, '0').padEnd(64, 'f'),
  name: `c${n}`,
  image: 'busybox:1',
  imageId: 'sha256:aa',
  command: 'sh',
  state: 'running',
  status: 'Up 1 second',
  statusAt: 0,
  created: n * 1000,
  ports: [],
  ...over,
});
const all = { query: '', onlyRunning: false };
const shape = (items: ListItem[]) =>
  items.map((i) =>
    i.type === 'group' ? `[${i.project} ${i.running}/${i.count}]` : `${i.grouped ? '  ' : ''}${i.row.name}`,
  );

describe('toListItems', () => {
  it('puts compose projects first, sorted, each a header then its services; loose rows newest first', () => {
    const rows = [
      c({ name: 'loose-old', created: 1 }),
      c({ name: 'shop-web-1', project: 'shop', service: 'web' }),
      c({ name: 'blog-db-1', project: 'blog', service: 'db', state: 'exited' }),
      c({ name: 'shop-api-1', project: 'shop', service: 'api' }),
      c({ name: 'loose-new', created: 99_999 }),
      c({ name: 'blog-app-1', project: 'blog', service: 'app' }),
    ];
    expect(shape(toListItems(rows, all))).toEqual([
      '[blog 1/2]',
      '  blog-app-1',
      '  blog-db-1',
      '[shop 2/2]',
      '  shop-api-1',
      '  shop-web-1',
      'loose-new',
      'loose-old',
    ]);
  });
  it('gives every item a unique key (group keys cannot collide with container ids)', () => {
    const rows = [c({ project: 'p' }), c({ project: 'q' }), c({})];
    const keys = toListItems(rows, all).map((i) => i.key);
    expect(new Set(keys).size).toBe(keys.length);
  });
  it('orders replicas of one service by name', () => {
    const rows = [
      c({ name: 'p-web-2', project: 'p', service: 'web' }),
      c({ name: 'p-web-1', project: 'p', service: 'web' }),
    ];
    expect(shape(toListItems(rows, all))).toEqual(['[p 2/2]', '  p-web-1', '  p-web-2']);
  });
  it('searches by name, image, project and id prefix, ignoring case and spaces', () => {
    const web = c({ name: 'Web-Front', image: 'nginx:1.27' });
    const db = c({ id: 'beef'.padEnd(64, '1'), name: 'db', image: 'postgres:16', project: 'Shop' });
    const rows = [web, db];
    const names = (query: string) =>
      toListItems(rows, { query, onlyRunning: false }).flatMap((i) => (i.type === 'row' ? [i.row.name] : []));
    expect(names('  web ')).toEqual(['Web-Front']);
    expect(names('NGINX')).toEqual(['Web-Front']);
    expect(names('postgres')).toEqual(['db']);
    expect(names('shop')).toEqual(['db']);
    expect(names(db.id.slice(0, 12))).toEqual(['db']);
    expect(names('nothing-matches')).toEqual([]);
  });
  it('a project whose members are all filtered out has no header', () => {
    const rows = [c({ name: 'a', project: 'p', state: 'exited' }), c({ name: 'b' })];
    expect(shape(toListItems(rows, { query: '', onlyRunning: true }))).toEqual(['b']);
  });
  it('running-only keeps running, paused and restarting containers', () => {
    const states: ContainerRow['state'][] = [
      'created',
      'running',
      'paused',
      'restarting',
      'exited',
      'removing',
      'dead',
    ];
    const rows = states.map((state) => c({ name: state, state }));
    const kept = toListItems(rows, { query: '', onlyRunning: true }).flatMap((i) =>
      i.type === 'row' ? [i.row.state] : [],
    );
    expect(kept.sort()).toEqual(['paused', 'restarting', 'running']);
  });
  it('running-only and a query combine', () => {
    const rows = [c({ name: 'web', state: 'exited' }), c({ name: 'web2' }), c({ name: 'db' })];
    expect(shape(toListItems(rows, { query: 'web', onlyRunning: true }))).toEqual(['web2']);
  });
  it('accepts any iterable (the store hands over Object.values or a Map)', () => {
    const m = new Map([['x', c({ name: 'x' })]]);
    expect(shape(toListItems(m.values(), all))).toEqual(['x']);
  });
  it('matches() agrees with toListItems on a single row', () => {
    const r = c({ name: 'alpha', state: 'exited' });
    expect(matches(r, { query: 'alp', onlyRunning: false })).toBe(true);
    expect(matches(r, { query: 'alp', onlyRunning: true })).toBe(false);
  });
});

describe('actionsFor', () => {
  it('offers the actions a state allows, in row order', () => {
    expect(actionsFor('running')).toEqual(['stop', 'pause', 'restart']);
    expect(actionsFor('paused')).toEqual(['unpause', 'stop']);
    expect(actionsFor('restarting')).toEqual(['stop']);
    for (const s of ['created', 'exited', 'dead'] as const) expect(actionsFor(s)).toEqual(['start']);
    expect(actionsFor('removing')).toEqual([]);
  });
  it('never offers start to a running container or stop to a stopped one', () => {
    expect(actionsFor('running')).not.toContain('start');
    expect(actionsFor('exited')).not.toContain('stop');
    expect(actionsFor('paused')).not.toContain('pause');
  });
});
