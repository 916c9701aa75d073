// The run dialog's form: what a beginner fills in, kept as the strings they typed so that
// validation can say what is wrong with each field. Pure: the renderer and the backend share it.
import type { RunLimits } from './stats-limits';

export type Protocol = 'tcp' | 'udp';
export type RestartPolicy = 'no' | 'always' | 'unless-stopped' | 'on-failure';

export interface PortRow {
  /** Host address: 127.0.0.1 unless the user exposes the port to the network (0.0.0.0). */
  hostIp: string;
  /** "5000", "5000-5002", or "" for a port the engine picks. */
  hostPort: string;
  /** "80" or "80-82". */
  containerPort: string;
  protocol: Protocol;
}

export interface EnvRow {
  key: string;
  value: string;
}

export interface VolumeRow {
  kind: 'volume' | 'bind';
  /** Volume name or host folder; "" for an anonymous volume. */
  source: string;
  target: string;
  readOnly: boolean;
}

export interface RunForm {
  image: string;
  name: string;
  /** Command override, as typed (split like a shell would). "" keeps the image's command. */
  command: string;
  /** -d */
  detached: boolean;
  /** -it: a TTY and an open stdin. */
  interactive: boolean;
  restart: RestartPolicy;
  /** Only for on-failure; "" means no limit. */
  restartMax: string;
  /** --rm */
  autoRemove: boolean;
  env: EnvRow[];
  volumes: VolumeRow[];
  /** "" keeps the engine's default network (bridge). */
  network: string;
  ports: PortRow[];
  /** --memory, --memory-swap, --cpus, --cpu-shares, --pids-limit (stats domain); absent: none set. */
  limits?: RunLimits;
}

export const LOOPBACK = '127.0.0.1';
export const ANY_ADDRESS = '0.0.0.0';
export const RESTART_POLICIES: readonly RestartPolicy[] = ['no', 'always', 'unless-stopped', 'on-failure'];

export function emptyForm(image = ''): RunForm {
  return {
    image,
    name: '',
    command: '',
    detached: true,
    interactive: false,
    restart: 'no',
    restartMax: '',
    autoRemove: false,
    env: [],
    volumes: [],
    network: '',
    ports: [],
  };
}

export function portRow(containerPort: string, hostPort = '', protocol: Protocol = 'tcp', hostIp = LOOPBACK): PortRow {
  return { hostIp, hostPort, containerPort, protocol };
}

/** The env rows of a `.env` block: KEY=value lines, `export ` prefixes, quotes and comments. */
export function parseEnvBlock(text: string): { rows: EnvRow[]; skipped: string[] } {
  const rows: EnvRow[] = [];
  const skipped: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/.exec(line);
    if (!m?.[1]) {
      skipped.push(line.slice(0, 80));
      continue;
    }
    let value = m[2] ?? '';
    const q = value[0];
    if ((q === '"' || q === "'") && value.length >= 2 && value.endsWith(q)) {
      value = value.slice(1, -1);
      if (q === '"') value = value.replace(/\\n/g, '\n').replace(/\\(["\\])/g, '$1');
    } else {
      value = value.replace(/\s+#.*$/, '');
    }
    rows.push({ key: m[1], value });
  }
  return { rows, skipped };
}
