import { describe, expect, it } from 'vitest';
import { SHELL_CATALOGS, shellText } from './shell-text';

describe('shellText', () => {
  it('has every key in English and Korean, none empty, with the same placeholders', () => {
    const { en, ko } = SHELL_CATALOGS;
    expect(Object.keys(ko).sort()).toEqual(Object.keys(en).sort());
    for (const [k, v] of Object.entries(en)) {
      const koText = ko[k as keyof typeof ko];
      expect(v.length, k).toBeGreaterThan(0);
      expect(koText.length, k).toBeGreaterThan(0);
      expect(koText.match(/\{\w+\}/g)?.sort(), k).toEqual(v.match(/\{\w+\}/g)?.sort());
    }
  });

  it('picks Korean for ko locales, English otherwise, and fills placeholders', () => {
    expect(shellText('ko-KR')('quitMessage')).toBe('VM도 함께 끌까요?');
    expect(shellText('ko')('trayRunning', { count: 3 })).toBe('실행 중인 컨테이너: 3개');
    expect(shellText('en-US')('trayRunning', { count: 3 })).toBe('Running containers: 3');
    expect(shellText('kok')('quitMessage')).toBe('Stop the VM too?');
    expect(shellText('')('quitMessage')).toBe('Stop the VM too?');
  });
});
