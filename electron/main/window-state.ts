// The window's size and place, remembered between launches. A saved place is used only when it
// still fits a display (a monitor unplugged since would leave the window out of reach); a saved
// value that does not fit the schema is ignored.
import { z } from 'zod';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const WINDOW_DEFAULTS = { width: 1200, height: 780, minWidth: 720, minHeight: 480 } as const;

const int = z.number().int().min(-100_000).max(100_000);
export const windowStateSchema = z
  .object({
    x: int,
    y: int,
    width: z.number().int().min(1).max(100_000),
    height: z.number().int().min(1).max(100_000),
    maximized: z.boolean().default(false),
  })
  .strip();

export type WindowState = z.output<typeof windowStateSchema>;

/** How much of the window's top strip (where it is dragged from) must be on a display. */
const GRAB = { width: 120, height: 40 };

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/**
 * The bounds to open with: the saved ones when their title strip lies on one display's work area
 * (size clamped to the minimum and to that display), else the default size, centred by Electron.
 */
export function restoreWindow(
  saved: unknown,
  workAreas: readonly Rect[],
): { bounds: Partial<Rect> & { width: number; height: number }; maximized: boolean } {
  const fallback = { bounds: { width: WINDOW_DEFAULTS.width, height: WINDOW_DEFAULTS.height }, maximized: false };
  const parsed = windowStateSchema.safeParse(saved);
  if (!parsed.success) return fallback;
  const s = parsed.data;
  const strip: Rect = { x: s.x, y: s.y, width: s.width, height: Math.min(s.height, GRAB.height) };
  const area = workAreas.find((a) => {
    const o = overlap(strip, a);
    return o.width >= Math.min(GRAB.width, s.width) && o.height >= Math.min(GRAB.height, s.height);
  });
  if (!area) return { ...fallback, maximized: s.maximized };
  const width = Math.min(Math.max(s.width, WINDOW_DEFAULTS.minWidth), area.width);
  const height = Math.min(Math.max(s.height, WINDOW_DEFAULTS.minHeight), area.height);
  // Pull the window inside the work area when the clamped size would hang over its edge.
  const x = Math.min(Math.max(s.x, area.x), area.x + area.width - width);
  const y = Math.min(Math.max(s.y, area.y), area.y + area.height - height);
  return { bounds: { x, y, width, height }, maximized: s.maximized };
}

/** What to save: the normal (unmaximized) bounds, rounded, and whether it was maximized. */
export function windowStateOf(normal: Rect, maximized: boolean): WindowState {
  return {
    x: Math.round(normal.x),
    y: Math.round(normal.y),
    width: Math.round(normal.width),
    height: Math.round(normal.height),
    maximized,
  };
}
