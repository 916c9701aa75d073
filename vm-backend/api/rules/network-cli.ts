// The `docker network ...` command each action of the networks view stands for.
import { shellQuote } from './cli';

const join = (parts: (string | false | undefined)[]): string => parts.filter(Boolean).join(' ');

export const networkCli = {
  list: (): string => 'docker network ls',
  inspect: (network: string): string => `docker network inspect ${shellQuote(network)}`,
  create: (o: {
    name: string;
    subnet?: string | undefined;
    gateway?: string | undefined;
    internal: boolean;
    labels?: Record<string, string> | undefined;
  }): string =>
    join([
      'docker network create',
      ...Object.entries(o.labels ?? {}).map(([k, v]) => `--label ${shellQuote(`${k}=${v}`)}`),
      o.subnet?.trim() && `--subnet ${shellQuote(o.subnet.trim())}`,
      o.gateway?.trim() && `--gateway ${shellQuote(o.gateway.trim())}`,
      o.internal && '--internal',
      shellQuote(o.name || '<name>'),
    ]),
  remove: (network: string): string => `docker network rm ${shellQuote(network)}`,
  prune: (label?: string): string =>
    join(['docker network prune -f', label && `--filter ${shellQuote(`label=${label}`)}`]),
  connect: (network: string, container: string, alias?: string): string =>
    join([
      'docker network connect',
      alias?.trim() && `--alias ${shellQuote(alias.trim())}`,
      shellQuote(network),
      shellQuote(container),
    ]),
  disconnect: (network: string, container: string, force: boolean): string =>
    join(['docker network disconnect', force && '-f', shellQuote(network), shellQuote(container)]),
};
