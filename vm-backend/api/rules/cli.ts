// The `docker` command each UI action stands for, so a beginner learns the CLI from the clicks.
import type { ContainerActionName } from '../contract.containers';

/** POSIX-shell quoting, only when needed. */
export function shellQuote(arg: string): string {
  if (arg === '') return "''";
  if (/^[A-Za-z0-9_./:@%+=,-]+$/.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

const join = (parts: (string | false | undefined)[]): string => parts.filter(Boolean).join(' ');
const names = (xs: string[]): string => xs.map(shellQuote).join(' ');

export const dockerCli = {
  containerList: (all: boolean): string => join(['docker container ls', all && '-a']),
  containerAction: (action: ContainerActionName, containers: string[]): string =>
    `docker container ${action} ${names(containers)}`,
  containerRemove: (containers: string[], o: { force: boolean; volumes: boolean }): string =>
    join(['docker container rm', o.force && '-f', o.volumes && '-v', names(containers)]),
  containerInspect: (container: string): string => `docker container inspect ${shellQuote(container)}`,
  imageList: (): string => 'docker image ls',
  imageRemove: (ref: string, force: boolean): string => join(['docker image rm', force && '-f', shellQuote(ref)]),
  imagePrune: (): string => 'docker image prune -f',
  imageInspect: (ref: string): string => `docker image inspect ${shellQuote(ref)}`,
  logs: (
    container: string,
    o: { follow: boolean; tail: number | 'all'; since?: string; timestamps: boolean },
  ): string =>
    join([
      'docker logs',
      o.follow && '-f',
      o.tail !== 'all' && `--tail ${o.tail}`,
      o.since && `--since ${o.since}`,
      o.timestamps && '--timestamps',
      shellQuote(container),
    ]),
  exec: (container: string, cmd: string[], user?: string): string =>
    join(['docker exec -it', user && `-u ${shellQuote(user)}`, shellQuote(container), names(cmd)]),
  attach: (container: string): string => `docker attach ${shellQuote(container)}`,
};
