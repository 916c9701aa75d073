// Where a tooltip goes: under its word, or above it when there is no room below, and never past
// the window's edges. Pure arithmetic on the word's box; the element only receives the result.

const GAP = 2;
const EDGE = 8;

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The tip's top-left corner (viewport pixels) for a word at `word` and a tip of `size`. */
export function tipPosition(
  word: Box,
  size: { width: number; height: number },
  view: { width: number; height: number },
): { left: number; top: number } {
  const below = word.bottom + GAP;
  const above = word.top - GAP - size.height;
  const top = below + size.height <= view.height - EDGE || above < EDGE ? below : above;
  const left = Math.max(EDGE, Math.min(word.left, view.width - EDGE - size.width));
  return { left: Math.round(left), top: Math.round(top) };
}

/** Moves the shown tip next to its word. */
export function placeTip(tip: HTMLElement, word: Box, view: { width: number; height: number }): void {
  const { left, top } = tipPosition(word, { width: tip.offsetWidth, height: tip.offsetHeight }, view);
  tip.style.left = `${left}px`;
  tip.style.top = `${top}px`;
}
