import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { restoreWindow, WINDOW_DEFAULTS, windowStateOf } from './window-state';

const laptop = { x: 0, y: 25, width: 1440, height: 875 };
const right = { x: 1440, y: 0, width: 1920, height: 1080 };
const DEFAULT = { bounds: { width: WINDOW_DEFAULTS.width, height: WINDOW_DEFAULTS.height }, maximized: false };

describe('restoreWindow', () => {
  it('reopens where it was when that place is on a display', () => {
    expect(restoreWindow({ x: 100, y: 80, width: 1000, height: 700, maximized: false }, [laptop])).toEqual({
      bounds: { x: 100, y: 80, width: 1000, height: 700 },
      maximized: false,
    });
    expect(restoreWindow({ x: 1600, y: 100, width: 1300, height: 900, maximized: true }, [laptop, right])).toEqual({
      bounds: { x: 1600, y: 100, width: 1300, height: 900 },
      maximized: true,
    });
  });

  it('uses the default size, centred, when the display it was on is gone', () => {
    expect(restoreWindow({ x: 1600, y: 100, width: 1300, height: 900 }, [laptop])).toEqual(DEFAULT);
    // Only its bottom edge on screen: the title bar is out of reach.
    expect(restoreWindow({ x: 100, y: -700, width: 1000, height: 720 }, [laptop])).toEqual(DEFAULT);
  });

  it('keeps it inside the display and no smaller than the minimum', () => {
    expect(restoreWindow({ x: 1000, y: 500, width: 3000, height: 2000 }, [laptop]).bounds).toEqual({
      x: 0,
      y: 25,
      width: 1440,
      height: 875,
    });
    expect(restoreWindow({ x: 10, y: 30, width: 50, height: 20 }, [laptop]).bounds).toEqual({
      x: 10,
      y: 30,
      width: WINDOW_DEFAULTS.minWidth,
      height: WINDOW_DEFAULTS.minHeight,
    });
  });

  it('ignores a saved value that is not a window state', () => {
    for (const bad of [
      null,
      undefined,
      'x',
      [],
      {},
      { x: 'a', y: 0, width: 1, height: 1 },
      { x: 1.5, y: 0, width: 800, height: 600 },
      { x: 0, y: 0, width: -5, height: 600 },
      { x: 0, y: 0, width: Number.NaN, height: 600 },
      { x: 1e12, y: 0, width: 800, height: 600 },
    ]) {
      expect(restoreWindow(bad, [laptop]), JSON.stringify(bad)).toEqual(DEFAULT);
    }
  });

  it('whatever is saved and whatever the displays, the result is usable', () => {
    const rect = fc.record({
      x: fc.integer({ min: -5000, max: 5000 }),
      y: fc.integer({ min: -5000, max: 5000 }),
      width: fc.integer({ min: 800, max: 4000 }),
      height: fc.integer({ min: 600, max: 3000 }),
    });
    fc.assert(
      fc.property(fc.oneof(fc.anything(), rect), fc.array(rect, { minLength: 1, maxLength: 3 }), (saved, areas) => {
        const { bounds } = restoreWindow(saved, areas);
        if (bounds.x === undefined) {
          expect(bounds).toEqual(DEFAULT.bounds);
          return;
        }
        const area = areas.find(
          (a) =>
            bounds.x! >= a.x &&
            bounds.y! >= a.y &&
            bounds.x! + bounds.width <= a.x + a.width &&
            bounds.y! + bounds.height <= a.y + a.height,
        );
        expect(area).toBeDefined();
      }),
    );
  });
});

describe('windowStateOf', () => {
  it('rounds the normal bounds and keeps maximized', () => {
    expect(windowStateOf({ x: 10.4, y: 20.6, width: 999.5, height: 700.2 }, true)).toEqual({
      x: 10,
      y: 21,
      width: 1000,
      height: 700,
      maximized: true,
    });
  });
});
