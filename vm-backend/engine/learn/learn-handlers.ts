// The learn:* calls: progress beside the engine (one file per user), clean-up on the scope's engine.
import type { CallName } from '../../api/contract';
import type { HandlerMap } from '../../api/handler';
import { toWharfError } from '../errors';
import type { ScopeContext } from '../scope-context';
import { prepareBuildFolder } from './learn-build-folder';
import { cleanupLesson } from './learn-calls';
import { learnStore } from './learn-store';

export type LearnCall = Extract<CallName, `learn:${string}`>;

export function learnHandlers({ session }: ScopeContext): HandlerMap<LearnCall> {
  return {
    'learn:progress': async () => learnStore().read(),
    'learn:save': ({ progress }) => learnStore().save(progress),
    'learn:cleanup': ({ lesson }) => cleanupLesson(session, lesson).catch((e) => Promise.reject(toWharfError(e))),
    'learn:prepare-build': async ({ image }) => prepareBuildFolder(image),
  };
}
