import { describe, expect, it } from 'vitest';
import { WharfError } from '../../../vm-backend/api/errors';
import type { Bridge } from '../../bridge/types';
import { useStore } from '../../store/store';
import { loadPrunePreview, pruneImages, removeImage } from './image-actions';
import type { ImageItem } from './image-items';

const ID = `sha256:${'ab12'.repeat(16)}`;
const item = (ref: string, dangling = false): ImageItem =>
  ({ key: ref, ref, dangling, repository: '', tag: '', usedBy: [], image: {} }) as unknown as ImageItem;

const inUse = new WharfError({
  code: 'IMAGE_IN_USE',
  message: 'Used by the stopped container web-1.',
  hint: 'Remove the container first, or force.',
  detail: 'conflict',
  forceable: true,
});

/** A bridge whose one call answers `answer` (or throws it) and records what it was asked. */
function fakeBridge(answer: () => unknown) {
  const asked: [string, unknown][] = [];
  const bridge = {
    call: async (name: string, input: unknown) => {
      asked.push([name, input]);
      return answer();
    },
  } as unknown as Bridge;
  return { bridge, asked };
}

describe('removeImage', () => {
  it('removes by ref with force as asked; a dangling image is named by its short id in the command', async () => {
    const f = fakeBridge(() => null);
    expect(await removeImage(f.bridge, item(ID, true), true)).toBeNull();
    expect(f.asked).toEqual([['images:remove', { ref: ID, force: true }]]);
    expect(useStore.getState().cliLast).toBe('docker image rm -f ab12ab12ab12');
  });

  it('answers the refusal, forceable as the engine said', async () => {
    const f = fakeBridge(() => {
      throw inUse;
    });
    expect(await removeImage(f.bridge, item('busybox:1'), false)).toEqual(inUse.toJSON());
    expect(useStore.getState().cliLast).toBe('docker image rm busybox:1');
  });
});

describe('prune', () => {
  it('counts what went and the space freed', async () => {
    const f = fakeBridge(() => ({ deleted: ['a', 'b'], spaceReclaimed: 2048 }));
    expect(await pruneImages(f.bridge)).toEqual({ done: { count: 2, bytes: 2048 } });
    expect(useStore.getState().cliLast).toBe('docker image prune -f');
  });

  it('the preview answers the images, a WharfError, or nothing for any other failure', async () => {
    const preview = { images: [{ id: ID, size: 10 }], bytes: 10 };
    expect(await loadPrunePreview(fakeBridge(() => preview).bridge)).toEqual({ preview });
    const refused = fakeBridge(() => {
      throw inUse;
    });
    expect(await loadPrunePreview(refused.bridge)).toEqual({ error: inUse.toJSON() });
    const broken = fakeBridge(() => {
      throw new TypeError('boom');
    });
    expect(await loadPrunePreview(broken.bridge)).toEqual({});
  });
});
