// The images:* calls, on the scope's engine.
import type { CallName } from '../../api/contract';
import type { HandlerMap } from '../../api/handler';
import type { ScopeContext } from '../scope-context';
import { listImages, pruneImages, prunePreview, removeImage } from './image-calls';

export type ImageCall = Extract<CallName, `images:${string}`>;

export function imageHandlers({ session, numberListing }: ScopeContext): HandlerMap<ImageCall> {
  return {
    'images:list': () => numberListing(listImages(session)),
    'images:remove': ({ ref, force }) => removeImage(session, ref, force),
    'images:prune-preview': () => prunePreview(session),
    'images:prune': () => pruneImages(session),
  };
}
