// The `docker` commands of the volumes and files views, so each click teaches its CLI form.
import { shellQuote } from './cli';

const q = shellQuote;

export const volumesCli = {
  list: (): string => 'docker volume ls',
  create: (o: {
    name?: string;
    driver?: string;
    driverOpts?: Record<string, string>;
    labels?: Record<string, string>;
  }) =>
    [
      'docker volume create',
      o.driver && o.driver !== 'local' ? `--driver ${q(o.driver)}` : '',
      ...Object.entries(o.driverOpts ?? {}).map(([k, v]) => `--opt ${q(`${k}=${v}`)}`),
      ...Object.entries(o.labels ?? {}).map(([k, v]) => `--label ${q(`${k}=${v}`)}`),
      o.name ? q(o.name) : '',
    ]
      .filter(Boolean)
      .join(' '),
  remove: (name: string): string => `docker volume rm ${q(name)}`,
  prune: (apiAtLeast142: boolean): string => (apiAtLeast142 ? 'docker volume prune -a -f' : 'docker volume prune -f'),
  inspect: (name: string): string => `docker volume inspect ${q(name)}`,
  runWith: (name: string): string => `docker container run -v ${q(`${name}:/data`)} ...`,
  /** `docker cp` out of a container (to the current folder) or into it. */
  cpOut: (container: string, path: string, dest = '.'): string => `docker cp ${q(`${container}:${path}`)} ${q(dest)}`,
  cpIn: (src: string, container: string, dir: string): string => `docker cp ${q(src)} ${q(`${container}:${dir}`)}`,
  diff: (container: string): string => `docker container diff ${q(container)}`,
  rmInContainer: (container: string, path: string): string => `docker exec ${q(container)} rm -rf ${q(path)}`,
  /** Deleting in a volume: a throw-away container with the volume at /v (Wharf uses an image already there). */
  rmInVolume: (volume: string, path: string): string =>
    `docker run --rm --network none -v ${q(`${volume}:/v`)} busybox rm -rf ${q(`/v${path}`)}`,
};
