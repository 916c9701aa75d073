// The commands a lesson shows reach the engine the window uses: plain `docker` for the local
// socket, `docker --context wharf-<target>` for an SSH engine or the VM (Wharf's host socket).
import { useStore } from '../../store/store';
import { dockerContextOf } from '../targets/target-cli';
import { useTargets } from '../targets/targets-store';

export function withContext(command: string, context: string | null): string {
  if (!context || context === 'default') return command;
  return command.replace(/(^|\n)docker /g, `$1docker --context ${context} `);
}

/** The docker context of the active engine, or null for the local socket (or not known yet). */
export function useDockerContext(): string | null {
  const target = useStore((s) => s.engine?.target);
  const view = useTargets((s) => s.overview?.targets.find((t) => t.name === target));
  if (!view) return null;
  const ctx = dockerContextOf(view);
  return ctx === 'default' ? null : ctx;
}
