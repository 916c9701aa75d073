// Row and state types shared by the backend and the renderer. Pure: no Node or DOM imports.

export interface PortMapping {
  /** Host address the port is bound to ('' when the engine did not say). */
  hostIp: string;
  /** Published host port, absent when the port is only exposed. */
  hostPort?: number;
  containerPort: number;
  protocol: 'tcp' | 'udp' | 'sctp';
}

/** A published port of a remote engine that could not be forwarded here (e.g. taken locally). */
export interface PortIssue {
  hostPort: number;
  /** Any string on the wire, as WharfErrorShape.code; made here as Coded<PortIssue>. */
  code: string;
  message: string;
  detail: string;
}

export type ContainerState = 'created' | 'running' | 'paused' | 'restarting' | 'exited' | 'removing' | 'dead';

export interface ContainerRow {
  id: string;
  name: string;
  image: string;
  imageId: string;
  command: string;
  state: ContainerState;
  /** The engine's own status text, e.g. "Up 4 minutes" or "Exited (0) 2 hours ago". */
  status: string;
  /** When the backend read `status` (ms), so the UI can age "Up 4 minutes" correctly. */
  statusAt: number;
  /** Unix time in milliseconds. */
  created: number;
  ports: PortMapping[];
  /** Compose project (label com.docker.compose.project), when the container belongs to one. */
  project?: string;
  /** Remote engines: published ports Wharf could not make reachable on this computer. */
  portIssues?: PortIssue[];
  service?: string;
}

export interface ImageRow {
  /** Full id, "sha256:...". */
  id: string;
  /** "repo:tag" references; empty for a dangling image. */
  repoTags: string[];
  repoDigests: string[];
  size: number;
  /** Unix time in milliseconds. */
  created: number;
}

/** `degraded`: the link to a remote engine (SSH) dropped and is being re-established; lists are kept. */
export type EngineConnectionState = 'connecting' | 'ready' | 'degraded' | 'unreachable';

export interface EngineStatus {
  state: EngineConnectionState;
  /** Where the engine is reached, e.g. "unix:///var/run/docker.sock". */
  endpoint: string;
  apiVersion?: string;
  engineVersion?: string;
  os?: string;
  /** The engine's default builder (/_ping's Builder-Version): "1" classic, "2" BuildKit. */
  builderVersion?: string;
  error?: WharfErrorShape;
  /** When unreachable: milliseconds until the next automatic retry. */
  retryInMs?: number;
  /** SSH engines: the host key's fingerprint (SHA256:...), and whether this run pinned it first. */
  hostKey?: string;
  hostKeyFirstUse?: boolean;
  /** The target (`wharf context`) this engine is, e.g. "local". */
  target?: string;
}

export interface WharfErrorShape {
  /**
   * Stable code, e.g. "NAME_CONFLICT"; the renderer translates message and hint by it.
   * A string, not ErrorCode: this shape crosses the wire, and a backend older or newer than the
   * renderer may send a code this build does not know; the renderer then shows the message that
   * came with it. Codes are checked where errors are made (WharfError takes an ErrorCode).
   */
  code: string;
  /** One beginner-readable sentence (English; the renderer may show a translation). */
  message: string;
  /** What to do about it. */
  hint: string;
  /** The engine's (or the system's) own words. */
  detail: string;
  /** Values the message mentions (container name, port...), for translations. */
  params?: Record<string, string | number>;
  /** True when repeating the action with force would succeed. */
  forceable?: boolean;
}

export type ListChange<Row> =
  | { kind: 'reset'; rows: Row[]; seq: number }
  | { kind: 'patch'; upserts: Row[]; removed: string[]; seq: number };

export interface Listing<Row> {
  rows: Row[];
  /** Sequence number of the last change included; patches with seq <= this are already applied. */
  seq: number;
}

export interface BulkItemResult {
  id: string;
  ok: boolean;
  error?: WharfErrorShape;
}

export interface ContainerInspect {
  summary: {
    id: string;
    name: string;
    image: string;
    state: ContainerState;
    startedAt?: string;
    finishedAt?: string;
    exitCode?: number;
    restartCount: number;
    restartPolicy: string;
    command: string;
    env: string[];
    ports: PortMapping[];
    mounts: { type: string; source: string; destination: string; readOnly: boolean }[];
    networks: string[];
    labels: Record<string, string>;
  };
  /** The engine's inspect JSON as it came. */
  raw: unknown;
}

export interface PrunePreview {
  images: { id: string; size: number }[];
  bytes: number;
}

/** A settings file Wharf could not use (it did not parse or fit its schema): set aside, never overwritten. */
export interface SettingsNotice {
  /** The settings file, e.g. ".../targets.json"; Wharf started with an empty one. */
  file: string;
  /** Where the bad file now is (absent when even the rename failed). */
  keptAs?: string;
  /** Why it was refused (the JSON parser's or the schema's words). */
  reason: string;
  /** Epoch ms. */
  at: number;
}
