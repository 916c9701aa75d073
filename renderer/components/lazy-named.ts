import { type ComponentType, type LazyExoticComponent, lazy } from 'react';

// Any props here: the lazy component keeps the props type of the export it stands for.
// biome-ignore lint/suspicious/noExplicitAny: the lazy component keeps the props type of the export it stands for
type AnyComponent = ComponentType<any>;

/** React.lazy for a module's named export: `lazyNamed(() => import('./X'), 'X')` puts X in its own chunk. */
export function lazyNamed<M extends Record<K, AnyComponent>, K extends keyof M & string>(
  load: () => Promise<M>,
  name: K,
): LazyExoticComponent<M[K]> {
  return lazy(async () => ({ default: (await load())[name] }));
}
