// What is wrong with a run form, field by field, in words a beginner can act on. Pure: the dialog
// checks as the user types; the backend checks the same form again before it creates anything.
import { RESTART_POLICIES, type RunForm } from './run-form';
import { parsePortSpec } from './run-ports';
import { splitWords } from './run-words';
import { validateLimits } from './stats-limits';

export interface FieldError {
  /** "name", "image", "command", "network", "restartMax", "ports.0.hostPort", "env.2.key", "volumes.1.target"... */
  field: string;
  /** Stable code; the renderer translates `run.err.<code>` with `params`. */
  code: string;
  /** English, for logs and the backend's error detail. */
  message: string;
  params?: Record<string, string | number>;
}

/** The engine's rule for container names (daemon/names.go), at least two characters. */
const CONTAINER_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;
// Same rule as ids.ts imageRef: lowercase repository, a tag may have capitals (app:RC1), no '..' segments.
const IMAGE_REF =
  /^(?!.*\/\.\.?(\/|$))(sha256:[a-f0-9]{4,64}|[a-z0-9][a-z0-9._\-/:]*(:[A-Za-z0-9_][A-Za-z0-9_.-]*)?(@sha256:[a-f0-9]{64})?)$/;
const ENV_KEY = /^[^=\s\0]+$/;
const NETWORK = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const IPV6 = /^[0-9a-fA-F:.]{2,45}$/;

function isHostIp(ip: string): boolean {
  return ip === '' || IPV4.test(ip) || (ip.includes(':') && IPV6.test(ip));
}

const PORT_MESSAGES = {
  empty: 'Enter a port number.',
  notNumber: 'A port is a number such as 8080 (or a range such as 8080-8082).',
  outOfRange: 'A port is between 1 and 65535.',
  backwards: 'A range goes from the lower port to the higher one.',
} as const;

export function validateRunForm(f: RunForm): FieldError[] {
  const errs: FieldError[] = [];
  const add = (field: string, code: string, message: string, params?: Record<string, string | number>): void => {
    errs.push({ field, code, message, ...(params ? { params } : {}) });
  };

  if (!f.image.trim()) add('image', 'imageEmpty', 'Choose an image to run.');
  else if (f.image.length > 512 || !IMAGE_REF.test(f.image))
    add('image', 'imageInvalid', 'An image name is lowercase letters, digits and . _ - / : (for example nginx:1.27).');

  if (f.name !== '') {
    if (f.name.length > 128) add('name', 'nameTooLong', 'A container name has at most 128 characters.');
    else if (!CONTAINER_NAME.test(f.name))
      add(
        'name',
        'nameInvalid',
        'A name starts with a letter or digit, has at least 2 characters, and uses only letters, digits and _ . -',
      );
  }

  if (f.command.length > 8192) add('command', 'commandTooLong', 'The command is too long.');
  else {
    const words = splitWords(f.command);
    if (!words.ok) add('command', 'commandQuote', 'A quote in the command is not closed.');
  }

  if (!RESTART_POLICIES.includes(f.restart)) add('restart', 'restartInvalid', 'Choose a restart policy.');
  if (f.restart === 'on-failure' && f.restartMax !== '' && !/^\d{1,4}$/.test(f.restartMax))
    add('restartMax', 'restartMaxInvalid', 'The retry limit is a whole number.');
  if (f.autoRemove && f.restart !== 'no')
    add('restart', 'restartWithRm', 'A container removed when it stops cannot also be restarted: choose one.');

  if (f.network !== '' && !NETWORK.test(f.network))
    add('network', 'networkInvalid', 'A network name uses letters, digits and _ . -');
  else if (f.network === 'host' && f.ports.length)
    add(
      'network',
      'hostNetworkPorts',
      "On the host network the container uses the host's ports directly: remove the port rows.",
    );

  f.ports.forEach((p, i) => {
    const at = `ports.${i}`;
    const ctr = parsePortSpec(p.containerPort);
    if (!ctr.ok) add(`${at}.containerPort`, `port_${ctr.reason}`, PORT_MESSAGES[ctr.reason]);
    if (p.hostPort.trim() !== '') {
      const host = parsePortSpec(p.hostPort);
      if (!host.ok) add(`${at}.hostPort`, `port_${host.reason}`, PORT_MESSAGES[host.reason]);
      else if (ctr.ok) {
        const hostLen = host.range.end - host.range.start;
        const ctrLen = ctr.range.end - ctr.range.start;
        if (ctrLen !== 0 && hostLen !== ctrLen)
          add(`${at}.hostPort`, 'rangeMismatch', 'Host and container ranges must have the same length.');
      }
    }
    if (!isHostIp(p.hostIp))
      add(`${at}.hostIp`, 'hostIpInvalid', 'The host address is an IP address such as 127.0.0.1.');
    if (p.protocol !== 'tcp' && p.protocol !== 'udp') add(`${at}.protocol`, 'protocolInvalid', 'Choose tcp or udp.');
  });

  const keys = new Map<string, number>();
  f.env.forEach((e, i) => {
    if (e.key === '' && e.value === '') return;
    if (!ENV_KEY.test(e.key))
      add(`env.${i}.key`, 'envKeyInvalid', 'A variable name is not empty and has no spaces or =.');
    else if (keys.has(e.key)) add(`env.${i}.key`, 'envKeyDuplicate', `${e.key} is set twice.`, { key: e.key });
    keys.set(e.key, i);
    if (e.value.includes('\0')) add(`env.${i}.value`, 'envValueInvalid', 'A value cannot contain a NUL character.');
  });

  const targets = new Set<string>();
  f.volumes.forEach((v, i) => {
    const at = `volumes.${i}`;
    if (!v.target.startsWith('/'))
      add(`${at}.target`, 'volumeTarget', 'The container path is absolute, such as /data.');
    else if (targets.has(v.target))
      add(`${at}.target`, 'volumeTargetDuplicate', `${v.target} is mounted twice.`, { path: v.target });
    targets.add(v.target);
    if (v.target.includes(':') || v.target.includes(','))
      add(`${at}.target`, 'volumeChars', 'A path here cannot contain : or ,');
    if (v.kind === 'bind') {
      if (!v.source.startsWith('/'))
        add(`${at}.source`, 'bindSource', 'The host folder is an absolute path, such as /home/me/site.');
      else if (v.source.includes(':') || v.source.includes(','))
        add(`${at}.source`, 'volumeChars', 'A path here cannot contain : or ,');
    } else if (v.source !== '' && !NETWORK.test(v.source)) {
      add(`${at}.source`, 'volumeName', 'A volume name uses letters, digits and _ . -');
    }
  });
  if (f.limits)
    for (const p of validateLimits(f.limits)) add(`limits.${p.field}`, `limit.${p.key}`, p.message, p.params);
  return errs;
}
