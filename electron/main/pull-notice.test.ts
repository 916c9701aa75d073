import { describe, expect, it } from 'vitest';
import { PullNotices } from './pull-notice';
import { shellText } from './shell-text';

const p = (pull: string, state: string, ref = 'wharf-fixture/httpd:1') => ({ pull, ref, state, layers: [] });

describe('PullNotices', () => {
  it('one notice when a pull ends while the window is not focused', () => {
    const n = new PullNotices(shellText('en'));
    expect(n.next(p('a', 'running'), false)).toBeNull();
    expect(n.next(p('a', 'done'), false)).toEqual({
      title: 'Pull finished',
      body: 'wharf-fixture/httpd:1 is ready to run.',
    });
    expect(n.next(p('a', 'done'), false)).toBeNull();
    expect(n.next(p('b', 'failed'), false)?.title).toBe('Pull failed');
  });

  it('none while the window is focused, for a cancelled or interrupted pull, or for junk', () => {
    const n = new PullNotices(shellText('en'));
    expect(n.next(p('a', 'done'), true)).toBeNull();
    // Seen while focused: not announced later either.
    expect(n.next(p('a', 'done'), false)).toBeNull();
    expect(n.next(p('b', 'cancelled'), false)).toBeNull();
    expect(n.next(p('c', 'interrupted'), false)).toBeNull();
    for (const junk of [null, 5, {}, { pull: 1, ref: 'x', state: 'done' }]) expect(n.next(junk, false)).toBeNull();
  });

  it('speaks Korean', () => {
    expect(new PullNotices(shellText('ko')).next(p('a', 'done', 'redis:7'), false)).toEqual({
      title: '이미지 받기 완료',
      body: 'redis:7 이미지를 바로 실행할 수 있어요.',
    });
  });
});
