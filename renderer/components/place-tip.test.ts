import { describe, expect, it } from 'vitest';
import { tipPosition } from './place-tip';

const view = { width: 1280, height: 800 };
const size = { width: 300, height: 60 };
const word = (left: number, top: number) => ({ left, top, right: left + 20, bottom: top + 20 });

describe('tipPosition', () => {
  it('puts the tip under its word', () => {
    expect(tipPosition(word(100, 100), size, view)).toEqual({ left: 100, top: 122 });
  });
  it('puts it above when there is no room below', () => {
    expect(tipPosition(word(100, 760), size, view)).toEqual({ left: 100, top: 698 });
  });
  it('keeps it inside the window on the right and the left', () => {
    expect(tipPosition(word(1250, 100), size, view).left).toBe(1280 - 8 - 300);
    expect(tipPosition(word(-40, 100), size, view).left).toBe(8);
  });
  it('stays below when the window is too short for either side', () => {
    expect(tipPosition(word(100, 30), size, { width: 1280, height: 90 })).toEqual({ left: 100, top: 52 });
  });
});
