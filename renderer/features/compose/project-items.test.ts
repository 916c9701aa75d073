import { describe, expect, it } from 'vitest';
import type { ContainerRow } from '../../../vm-backend/api/types';
import { serviceItems, unlistedProjects } from './project-items';

const row = (name: string, service: string, state: ContainerRow['state'], project = 'shop'): ContainerRow => ({
  id: name,
  name,
  image: `img-${service}`,
  imageId: '',
  command: '',
  state,
  status: '',
  statusAt: 0,
  created: 0,
  ports: service === 'web' ? [{ hostIp: '127.0.0.1', hostPort: 8080, containerPort: 80, protocol: 'tcp' }] : [],
  project,
  service,
});

describe('serviceItems', () => {
  it('joins declared services with their containers, replicas and ports', () => {
    const items = serviceItems({ name: 'shop', configFiles: [], remembered: true, services: ['db', 'web'] }, [
      row('shop-web-1', 'web', 'running'),
      row('shop-web-2', 'web', 'exited'),
      row('other-x-1', 'x', 'running', 'other'),
    ]);
    expect(items.map((i) => [i.name, i.state, i.containers.length])).toEqual([
      ['db', 'none', 0],
      ['web', 'running / exited', 2],
    ]);
    expect(items[1]?.ports.map((p) => p.hostPort)).toEqual([8080, 8080]);
  });

  it('names projects the containers carry that the list does not', () => {
    expect(
      unlistedProjects(
        [{ name: 'shop', configFiles: [], remembered: true, services: [] }],
        [row('a', 'web', 'running'), row('b', 'x', 'running', 'blog')],
      ),
    ).toEqual(['blog']);
  });
});
