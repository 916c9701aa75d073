// A pasted `docker run` command -> a run form, so a beginner can bring a command from a tutorial.
// Knows the common flags; every other flag is reported, never silently dropped. Pure, never throws.
import {
  LOOPBACK,
  type PortRow,
  type RestartPolicy,
  RESTART_POLICIES,
  type RunForm,
  type VolumeRow,
  emptyForm,
} from './run-form';
import { shellQuote } from './cli';
import { splitWords } from './run-words';
import { emptyLimits, type LimitField } from './stats-limits';

export interface ParseProblem {
  /** unknownFlag | missingValue | badPort | badVolume | badRestart | noImage | notDockerRun | unclosedQuote | hostEnv | portAllInterfaces */
  code: string;
  /** The words concerned, as typed. */
  token: string;
  /** English. The renderer translates run.parse.<code>. */
  message: string;
  /** Notes are fine to ignore; errors mean the form does not say what the command said. */
  severity: 'error' | 'note';
}

export interface ParseResult {
  form: RunForm;
  problems: ParseProblem[];
}

/** Value-taking flags Wharf does not model: consumed with their value so the image is found. */
const VALUE_FLAGS = new Set([
  '-a',
  '--attach',
  '--add-host',
  '--cap-add',
  '--cap-drop',
  '--cgroupns',
  '--cidfile',
  '--cpuset-cpus',
  '--device',
  '--dns',
  '--dns-search',
  '--domainname',
  '--entrypoint',
  '--env-file',
  '--expose',
  '--gpus',
  '--health-cmd',
  '--health-interval',
  '--health-retries',
  '--health-timeout',
  '-h',
  '--hostname',
  '--ip',
  '--ip6',
  '--ipc',
  '--isolation',
  '-l',
  '--label',
  '--label-file',
  '--link',
  '--log-driver',
  '--log-opt',
  '--mount',
  '--pid',
  '--platform',
  '--pull',
  '--runtime',
  '--security-opt',
  '--shm-size',
  '--stop-signal',
  '--stop-timeout',
  '--sysctl',
  '--tmpfs',
  '-u',
  '--user',
  '--ulimit',
  '--userns',
  '--uts',
  '--volumes-from',
  '-w',
  '--workdir',
  '--detach-keys',
  '--network-alias',
  '--restart-max',
  '--storage-opt',
]);
const LONG: Record<string, string> = {
  '--detach': '-d',
  '--interactive': '-i',
  '--tty': '-t',
  '--publish': '-p',
  '--env': '-e',
  '--volume': '-v',
  '--net': '--network',
};
/** The limits the dialog models (stats domain), by flag. */
const LIMIT_OF_FLAG: Record<string, LimitField> = {
  '-m': 'memory',
  '--memory': 'memory',
  '--memory-swap': 'memorySwap',
  '--cpus': 'cpus',
  '-c': 'cpuShares',
  '--cpu-shares': 'cpuShares',
  '--pids-limit': 'pidsLimit',
};

export function parsePortFlag(v: string): PortRow | null {
  let s = v;
  let protocol: PortRow['protocol'] = 'tcp';
  const slash = s.lastIndexOf('/');
  if (slash >= 0) {
    const proto = s.slice(slash + 1).toLowerCase();
    if (proto !== 'tcp' && proto !== 'udp') return null;
    protocol = proto;
    s = s.slice(0, slash);
  }
  let hostIp = '';
  const v6 = /^\[([0-9a-fA-F:.]+)\]:(.*)$/.exec(s);
  if (v6?.[1] !== undefined && v6[2] !== undefined) {
    hostIp = v6[1];
    s = v6[2];
  }
  const parts = s.split(':');
  const ok = (p: string): boolean => /^\d+(-\d+)?$/.test(p);
  if (parts.length === 1 && ok(parts[0] as string))
    return { hostIp: hostIp || LOOPBACK, hostPort: '', containerPort: parts[0] as string, protocol };
  if (parts.length === 2 && (parts[0] === '' || ok(parts[0] as string)) && ok(parts[1] as string)) {
    return { hostIp: hostIp || '', hostPort: parts[0] as string, containerPort: parts[1] as string, protocol };
  }
  if (parts.length === 3 && !hostIp && (parts[1] === '' || ok(parts[1] as string)) && ok(parts[2] as string)) {
    return { hostIp: parts[0] as string, hostPort: parts[1] as string, containerPort: parts[2] as string, protocol };
  }
  return null;
}

export function parseVolumeFlag(v: string): VolumeRow | null {
  const parts = v.split(':');
  let readOnly = false;
  const last = parts[parts.length - 1];
  if (parts.length > 1 && (last === 'ro' || last === 'rw' || last === 'z' || last === 'Z')) {
    readOnly = last === 'ro';
    parts.pop();
  }
  if (parts.length === 1 && parts[0]?.startsWith('/'))
    return { kind: 'volume', source: '', target: parts[0], readOnly };
  if (parts.length !== 2 || !parts[0] || !parts[1]?.startsWith('/')) return null;
  const source = parts[0];
  const bind = source.startsWith('/') || source.startsWith('.') || source.startsWith('~') || source.startsWith('$');
  return { kind: bind ? 'bind' : 'volume', source, target: parts[1], readOnly };
}

function parseRestart(v: string): { restart: RestartPolicy; max: string } | null {
  const [name, max] = v.split(':');
  if (!RESTART_POLICIES.includes(name as RestartPolicy)) return null;
  if (max !== undefined && (name !== 'on-failure' || !/^\d{1,4}$/.test(max))) return null;
  return { restart: name as RestartPolicy, max: max ?? '' };
}

export function parseDockerRun(text: string): ParseResult {
  const form = emptyForm();
  form.detached = false;
  const problems: ParseProblem[] = [];
  const problem = (code: string, token: string, message: string, severity: 'error' | 'note' = 'error'): void => {
    problems.push({ code, token: token.slice(0, 200), message, severity });
  };
  const split = splitWords(text.replace(/^\s*\$\s+/, '').slice(0, 20000));
  if (!split.ok) {
    problem('unclosedQuote', split.quote, `A ${split.quote} quote is not closed.`);
    return { form: emptyForm(), problems };
  }
  let w = split.words;
  if (w[0] === 'sudo') w = w.slice(1);
  if (w[0] === 'docker' && w[1] === 'run') w = w.slice(2);
  else if (w[0] === 'docker' && w[1] === 'container' && w[2] === 'run') w = w.slice(3);
  else {
    problem(
      'notDockerRun',
      w.slice(0, 3).join(' '),
      'This is not a docker run command (it should start with "docker run").',
    );
    return { form: emptyForm(), problems };
  }
  let tty = false;
  let stdin = false;
  let i = 0;
  const take = (flag: string, inline: string | undefined): string | null => {
    if (inline !== undefined) return inline;
    const v = w[i + 1];
    if (v === undefined) {
      problem('missingValue', flag, `${flag} needs a value.`);
      return null;
    }
    i += 1;
    return v;
  };
  for (; i < w.length; i++) {
    const word = w[i] as string;
    if (word === '--') {
      i += 1;
      break;
    }
    if (!word.startsWith('-') || word === '-') break;
    const eq = word.startsWith('--') ? word.indexOf('=') : -1;
    let flag = eq > 0 ? word.slice(0, eq) : word;
    let inline = eq > 0 ? word.slice(eq + 1) : undefined;
    flag = LONG[flag] ?? flag;
    // Bundled short flags: -dit, -p8080:80, -eKEY=v.
    if (/^-[a-zA-Z]{2,}$/.test(flag) && /^-[dit]+$/.test(flag)) {
      for (const ch of flag.slice(1)) {
        if (ch === 'd') form.detached = true;
        if (ch === 'i') stdin = true;
        if (ch === 't') tty = true;
      }
      continue;
    }
    if (/^-[pevl]./.test(flag)) {
      inline = flag.slice(2);
      flag = flag.slice(0, 2);
    }
    switch (flag) {
      case '-d':
        form.detached = inline !== 'false';
        break;
      case '-i':
        stdin = inline !== 'false';
        break;
      case '-t':
        tty = inline !== 'false';
        break;
      case '--rm':
        form.autoRemove = inline !== 'false';
        break;
      case '--name': {
        const v = take(flag, inline);
        if (v !== null) form.name = v;
        break;
      }
      case '--network': {
        const v = take(flag, inline);
        if (v !== null) form.network = v === 'default' ? '' : v;
        break;
      }
      case '--restart': {
        const v = take(flag, inline);
        if (v === null) break;
        const r = parseRestart(v);
        if (r) {
          form.restart = r.restart;
          form.restartMax = r.max;
        } else
          problem(
            'badRestart',
            `${flag} ${v}`,
            `"${v}" is not a restart policy (no, always, unless-stopped, on-failure[:N]).`,
          );
        break;
      }
      case '-p': {
        const v = take(flag, inline);
        if (v === null) break;
        const p = parsePortFlag(v);
        if (!p) {
          problem('badPort', `-p ${v}`, `"${v}" is not a port mapping such as 8080:80.`);
          break;
        }
        if (p.hostIp === '') {
          problem(
            'portAllInterfaces',
            `-p ${v}`,
            `-p ${v} publishes on every network interface; Wharf uses 127.0.0.1 unless you expose the port to the network.`,
            'note',
          );
          p.hostIp = LOOPBACK;
        }
        form.ports.push(p);
        break;
      }
      case '-e': {
        const v = take(flag, inline);
        if (v === null) break;
        const at = v.indexOf('=');
        if (at < 0)
          problem(
            'hostEnv',
            `-e ${v}`,
            `-e ${v} copies ${v} from your shell; Wharf cannot read it, so give it a value.`,
            'note',
          );
        form.env.push(at < 0 ? { key: v, value: '' } : { key: v.slice(0, at), value: v.slice(at + 1) });
        break;
      }
      case '-m':
      case '--memory':
      case '--memory-swap':
      case '--cpus':
      case '-c':
      case '--cpu-shares':
      case '--pids-limit': {
        const v = take(flag, inline);
        if (v !== null) form.limits = { ...(form.limits ?? emptyLimits()), [LIMIT_OF_FLAG[flag] ?? 'memory']: v };
        break;
      }
      case '-v': {
        const v = take(flag, inline);
        if (v === null) break;
        const vol = parseVolumeFlag(v);
        if (vol) form.volumes.push(vol);
        else problem('badVolume', `-v ${v}`, `"${v}" is not a volume such as mydata:/data or /host/folder:/data:ro.`);
        break;
      }
      default: {
        const takesValue = VALUE_FLAGS.has(flag) && inline === undefined;
        const value = takesValue ? w[++i] : inline;
        problem(
          'unknownFlag',
          [flag, value]
            .filter((x) => x !== undefined)
            .map((x) => shellQuote(x as string))
            .join(' '),
          `${flag} is not something this dialog can set; it was left out.`,
        );
      }
    }
  }
  form.interactive = tty || stdin;
  if ((tty || stdin) && !(tty && stdin))
    problem('partialIt', tty ? '-t' : '-i', 'Wharf runs interactive containers with both -i and -t.', 'note');
  const image = w[i];
  if (image === undefined) problem('noImage', '', 'The command names no image.');
  else {
    form.image = image;
    form.command = w
      .slice(i + 1)
      .map(shellQuote)
      .join(' ');
  }
  return { form, problems };
}
