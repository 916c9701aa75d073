// The one glossary tip shown now (Term.tsx), so Escape can hide it before it closes a dialog.
let hideShown: (() => void) | null = null;

/** Records the tip just shown (hiding the one before), or clears it when `hide` is the shown one. */
export function tipShown(hide: () => void): void {
  if (hideShown !== hide) hideShown?.();
  hideShown = hide;
}

export function tipHidden(hide: () => void): void {
  if (hideShown === hide) hideShown = null;
}

/** Hides the shown tip; false when none was shown. */
export function hideShownTip(): boolean {
  const hide = hideShown;
  if (!hide) return false;
  hide();
  return true;
}
