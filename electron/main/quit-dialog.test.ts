import { describe, expect, it } from 'vitest';
import { answerAt } from './quit-decision';
import { quitDialogOptions } from './quit-dialog';
import { shellText } from './shell-text';

describe('quitDialogOptions', () => {
  it('asks "Stop the VM too?" with Stop / Keep / Cancel and an unticked "remember" box', () => {
    const o = quitDialogOptions(shellText('en'));
    expect(o.message).toBe('Stop the VM too?');
    expect(o.buttons).toEqual(['Stop VM and quit', 'Keep VM running', 'Cancel']);
    expect(o.checkboxLabel).toBe('Remember my choice');
    expect(o.checkboxChecked).toBe(false);
    // Each button's index means what it says; Esc is Cancel.
    expect(o.buttons?.map((_, i) => answerAt(i))).toEqual(['stop', 'keep', 'cancel']);
    expect(answerAt(o.cancelId ?? -1)).toBe('cancel');
    expect(answerAt(o.defaultId ?? -1)).toBe('stop');
  });

  it('in Korean', () => {
    const o = quitDialogOptions(shellText('ko'));
    expect(o.message).toBe('VM도 함께 끌까요?');
    expect(o.buttons).toEqual(['VM 끄고 종료', 'VM 켜 둔 채 종료', '취소']);
    expect(o.checkboxLabel).toBe('이 선택 기억하기');
  });
});
