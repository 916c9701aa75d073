import type { DockerOptions } from 'dockerode';

/** How an engine is reached. This issue: the local socket or DOCKER_HOST; SSH and the VM come later. */
export interface Connection {
  kind: 'local' | 'ssh' | 'vm';
  /** Shown to the user, e.g. "unix:///var/run/docker.sock". */
  endpoint: string;
  /** Options for dockerode (without `version`: the engine session negotiates it). */
  dockerOptions(): DockerOptions;
  /** Base options for a raw node:http request (socketPath or host/port). */
  httpOptions(): { socketPath?: string; host?: string; port?: number };
  close(): Promise<void>;
}
