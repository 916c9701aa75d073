import type { Locator } from '@playwright/test';

/** The window sizes layout tests run at (the laptops; 1920x1080 never had a problem). */
export const LAPTOPS = [
  { width: 1280, height: 800 },
  { width: 1366, height: 768 },
] as const;

/** True when the point at the middle of `target` belongs to it: nothing covers it, a click lands. */
export function isOnTop(target: Locator): Promise<boolean> {
  return target.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
    return hit !== null && (hit === el || el.contains(hit));
  });
}
