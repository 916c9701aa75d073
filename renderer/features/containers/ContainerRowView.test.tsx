// The row as HTML (react-dom/server, no browser): while the engine cannot be reached (the VM is
// stopped) its actions are off and its status is not aged as if it still ran ("Up N" counting).
import i18n from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ContainerRow } from '../../../vm-backend/api/types';
import en from '../../i18n/en.json';
import { ContainerRowView, type RowProps } from './ContainerRowView';

const row: ContainerRow = {
  id: 'c1',
  name: 'web-1',
  image: 'img',
  imageId: 'sha256:x',
  command: '',
  state: 'running',
  status: 'Up 5 seconds',
  statusAt: 0,
  created: 0,
  ports: [{ hostIp: '127.0.0.1', hostPort: 5001, containerPort: 80, protocol: 'tcp' }],
};
const props = (o: Partial<RowProps>): RowProps => ({
  row,
  grouped: false,
  selected: false,
  busy: false,
  offline: false,
  now: 60_000,
  onToggle: () => {},
  onAction: () => {},
  onRemove: () => {},
  onInspect: () => {},
  ...o,
});
const html = (o: Partial<RowProps>): string => renderToStaticMarkup(createElement(ContainerRowView, props(o)));
const disabledButtons = (h: string): number => (h.match(/<button[^>]*disabled=""/g) ?? []).length;

beforeAll(async () => {
  await i18n.use(initReactI18next).init({ resources: { en: { translation: en } }, lng: 'en' });
});

describe('ContainerRowView', () => {
  it('online: actions on, status ages live', () => {
    const h = html({});
    expect(disabledButtons(h)).toBe(0);
    expect(h).toContain('Up About a minute');
  });
  it('offline (engine unreachable, e.g. the VM stopped): every action off, status unknown, greyed', () => {
    const h = html({ offline: true });
    expect(disabledButtons(h)).toBe(h.match(/class="btn btn--small/g)?.length);
    expect(disabledButtons(h)).toBeGreaterThanOrEqual(3); // stop, restart, pause..., remove
    expect(h).toContain('unknown: the engine cannot be reached');
    expect(h).not.toContain('Up About a minute');
    expect(h).toContain('crow--offline');
  });
  it('a port another program holds here is not a link, and says so', () => {
    const h = html({
      row: { ...row, portIssues: [{ hostPort: 5001, code: 'PORT_FORWARD_TAKEN', message: 'm', detail: 'EADDRINUSE' }] },
    });
    expect(h).not.toContain('href="http://localhost:5001"');
    expect(h).toContain('5001 in use here, retrying');
    expect(html({})).toContain('href="http://localhost:5001"');
  });
});
