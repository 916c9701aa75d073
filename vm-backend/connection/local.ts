import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Connection } from './connection';

export class UnsupportedDockerHostError extends Error {}

function socketConnection(socketPath: string, endpoint: string, platform: NodeJS.Platform): Connection {
  return {
    kind: 'local',
    endpoint,
    // A unix socket on Linux: dockerd runs here (Docker Desktop's VMs are macOS and Windows).
    engineHostIsHere: platform === 'linux',
    dockerOptions: () => ({ socketPath }),
    httpOptions: () => ({ socketPath }),
    close: async () => {},
  };
}

/** Reads DOCKER_HOST like the docker CLI does; falls back to the platform's default socket. */
export function localConnectionFromEnv(env: NodeJS.ProcessEnv = process.env, platform = process.platform): Connection {
  const dockerHost = env.DOCKER_HOST?.trim();
  if (!dockerHost) {
    if (platform === 'win32')
      return socketConnection('//./pipe/docker_engine', 'npipe:////./pipe/docker_engine', platform);
    const desktopSock = join(homedir(), '.docker/run/docker.sock');
    const path = platform === 'darwin' && existsSync(desktopSock) ? desktopSock : '/var/run/docker.sock';
    return socketConnection(path, `unix://${path}`, platform);
  }
  if (dockerHost.startsWith('unix://')) {
    const path = dockerHost.slice('unix://'.length);
    if (!path.startsWith('/'))
      throw new UnsupportedDockerHostError(`DOCKER_HOST must name an absolute socket path: ${dockerHost}`);
    return socketConnection(path, dockerHost, platform);
  }
  if (dockerHost.startsWith('npipe://')) {
    return socketConnection(dockerHost.slice('npipe://'.length).replace(/\//g, '\\'), dockerHost, platform);
  }
  if (dockerHost.startsWith('tcp://')) {
    const url = new URL(dockerHost.replace(/^tcp:/, 'http:'));
    if (env.DOCKER_TLS_VERIFY)
      throw new UnsupportedDockerHostError('TLS connections (DOCKER_TLS_VERIFY) are not supported yet');
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const port = Number(url.port || 2375);
    return {
      kind: 'local',
      endpoint: dockerHost,
      dockerOptions: () => ({ host, port, protocol: 'http' }),
      httpOptions: () => ({ host, port }),
      close: async () => {},
    };
  }
  throw new UnsupportedDockerHostError(`DOCKER_HOST scheme not supported here: ${dockerHost}`);
}
