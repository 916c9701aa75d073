import type { Agent } from 'node:http';
import type { DockerOptions } from 'dockerode';
import type { PortIssue, PortMapping, WharfErrorShape } from '../api/types';

/** Remote engines: makes a container's published ports reachable on this computer. */
export interface PortPublisher {
  /** Sets the forwards of one container to `ports` (none: closes them); resolves once listening. */
  publish(containerId: string, ports: readonly PortMapping[]): Promise<PortIssue[]>;
  /** Closes the forwards of containers not in `ids`. */
  retain(ids: ReadonlySet<string>): void;
  /** Closes every listener now and opens none until resume() (the VM is down: refuse at once). */
  suspend?(): void;
  resume?(): void;
  /** A container's port issues changed after publish (a port retried and freed, or still taken). */
  onIssues?(listener: (containerId: string, issues: PortIssue[]) => void): () => void;
  closeAll(): void;
}

/** A link the engine hangs on (SSH, the VM): its drops and returns, so the session can show them. */
export interface LinkEvents {
  /** True while a dropped link is being re-established. */
  reconnecting(): boolean;
  /** 'down': the link cannot come back by itself (the VM is stopped or died); down() says why. */
  onChange(listener: (state: 'ready' | 'reconnecting' | 'failed' | 'down') => void): () => void;
  /** Why the engine cannot be reached until the user acts (start the VM), or null. */
  down?(): WharfErrorShape | null;
  /** Facts worth showing (e.g. the host key fingerprint). */
  details(): Record<string, string>;
}

/** How an engine is reached: the local socket or DOCKER_HOST, an SSH host, or (later) the VM. */
export interface Connection {
  kind: 'local' | 'ssh' | 'vm';
  /** Shown to the user, e.g. "unix:///var/run/docker.sock". */
  endpoint: string;
  /** Options for dockerode (without `version`: the engine session negotiates it). */
  dockerOptions(): DockerOptions;
  /** Base options for a raw node:http request (socketPath, host/port, or an agent that dials). */
  httpOptions(): { socketPath?: string; host?: string; port?: number; agent?: Agent };
  /** Present when the engine hangs on a link that can drop and come back (SSH). */
  linkEvents?: LinkEvents;
  /** Present when published ports are not already on this computer (SSH, the VM). */
  ports?: PortPublisher;
  /** Runs a shell command on the engine's host and gives its stdout (SSH, the VM: over the link). */
  hostCommand?(command: string, timeoutMs?: number): Promise<string>;
  /** The engine's host is this computer (a local unix socket on Linux): its /proc/net is ours. */
  engineHostIsHere?: boolean;
  close(): Promise<void>;
}
