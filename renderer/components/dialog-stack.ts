// Every open dialog, oldest first. The newest is on top (its backdrop gets the highest z-index)
// and Escape closes only that one, so a dialog opened from another never hides under it and one
// Escape never closes two.
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { hideShownTip } from './shown-tip';

interface Layer {
  close(): void;
}

/** The z-index of the lowest dialog's backdrop; each one above adds 2 (room for a panel between). */
export const BASE_Z = 10;
const stack: Layer[] = [];
const listeners = new Set<() => void>();

const notify = (): void => {
  for (const l of listeners) l();
};
const subscribe = (l: () => void): (() => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

/** Something inside the dialog that Escape closes first: an open list of suggestions (a combobox
 *  with aria-expanded, whose own handler takes that Escape). */
const usedInside = (e: KeyboardEvent): boolean =>
  e.target instanceof Element && e.target.closest('[aria-expanded="true"]') !== null;

function onKey(e: KeyboardEvent): void {
  if (e.key !== 'Escape') return;
  const top = stack[stack.length - 1];
  if (!top || usedInside(e)) return;
  e.preventDefault();
  e.stopImmediatePropagation();
  // A glossary tip shown in the dialog goes first; the next Escape closes the dialog.
  if (!hideShownTip()) top.close();
}

/** Puts a dialog on top; the function returned takes it off (wherever it is in the stack). */
export function pushLayer(layer: Layer): () => void {
  if (stack.length === 0) window.addEventListener('keydown', onKey, true);
  stack.push(layer);
  notify();
  return () => {
    const at = stack.indexOf(layer);
    if (at >= 0) stack.splice(at, 1);
    if (stack.length === 0) window.removeEventListener('keydown', onKey, true);
    notify();
  };
}

/** How many dialogs are open. */
export function openLayers(): number {
  return stack.length;
}

/**
 * Registers an open dialog (pass null while it is closed) and returns the z-index of its backdrop.
 * `onClose` runs when Escape is pressed while this dialog is the top one.
 */
export function useDialogLayer(onClose: (() => void) | null): number {
  const close = useRef(onClose);
  close.current = onClose;
  const mine = useRef<Layer | null>(null);
  const open = onClose !== null;
  useEffect(() => {
    if (!open) return;
    const layer: Layer = { close: () => close.current?.() };
    mine.current = layer;
    const pop = pushLayer(layer);
    return () => {
      mine.current = null;
      pop();
    };
  }, [open]);
  const depth = useSyncExternalStore(subscribe, () => (mine.current ? stack.indexOf(mine.current) : stack.length));
  return BASE_Z + 2 * Math.max(0, depth);
}
