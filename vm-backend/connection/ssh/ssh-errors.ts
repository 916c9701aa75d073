// SSH failures as {code, message, hint, detail}: each names what to check, for a beginner.
import { WharfError } from '../../api/errors';
import type { Coded, ErrorCode } from '../../api/error-codes';
import type { PortIssue } from '../../api/types';
import type { SshTarget } from './target';

type Params = Record<string, string | number>;

function make(code: ErrorCode, message: string, hint: string, detail: string, params: Params): WharfError {
  return new WharfError({ code, message, hint, detail, params });
}

const where = (t: SshTarget): Params => ({ user: t.user, host: t.host, port: t.port });

export function hostKeyChanged(t: SshTarget, fingerprint: string, expected: string): WharfError {
  return make(
    'SSH_HOST_KEY_CHANGED',
    `The host key of ${t.host}:${t.port} has changed. Wharf refused to connect.`,
    `Someone may be intercepting the connection, or the host was reinstalled. Check on the host that its key is ${fingerprint} (ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub); only then remove the old key (${expected}) from Wharf's known_hosts.`,
    `offered ${fingerprint}, pinned ${expected}`,
    { ...where(t), fingerprint, expected },
  );
}

export function noDocker(t: SshTarget, socket: string, detail: string): WharfError {
  return make(
    'SSH_NO_DOCKER',
    `${t.host} has no Docker Engine socket at ${socket}.`,
    'Install Docker on that host and start it (sudo systemctl start docker); Wharf connects by itself.',
    detail,
    { ...where(t), socket },
  );
}

export function dockerNotRunning(t: SshTarget, socket: string, detail: string): WharfError {
  return make(
    'SSH_DOCKER_NOT_RUNNING',
    `Docker is installed on ${t.host} but its engine does not answer at ${socket}.`,
    'Start it on that host (sudo systemctl start docker); Wharf connects by itself.',
    detail,
    { ...where(t), socket },
  );
}

/** The socket could not be opened and the host would not say why (it runs no commands). */
export function dockerUnreachable(t: SshTarget, socket: string, detail: string): WharfError {
  return make(
    'SSH_DOCKER_UNREACHABLE',
    `Wharf reached ${t.host} but not its Docker socket at ${socket}.`,
    `Check on that host that Docker runs (sudo systemctl status docker) and that ${t.user} may use it (sudo usermod -aG docker ${t.user}).`,
    detail,
    { ...where(t), socket },
  );
}

export function dockerPermission(t: SshTarget, detail: string): WharfError {
  return make(
    'SSH_DOCKER_PERMISSION',
    `The user ${t.user} may not use the Docker socket on ${t.host}.`,
    `On that host run: sudo usermod -aG docker ${t.user}, then retry.`,
    detail,
    where(t),
  );
}

export function forwardingDisabled(t: SshTarget, detail: string): WharfError {
  return make(
    'SSH_FORWARDING_DISABLED',
    `The SSH server on ${t.host} does not allow forwarding to the Docker socket.`,
    'Set "AllowStreamLocalForwarding yes" in the host\'s sshd_config and reload sshd.',
    detail,
    where(t),
  );
}

/** Errors from connecting and authenticating (ssh2's `level` tells which step failed). */
export function sshConnectError(t: SshTarget, err: unknown): WharfError {
  if (err instanceof WharfError) return err;
  const e = (err ?? {}) as { level?: string; code?: string; message?: string };
  const detail = e.message ?? String(err);
  if (e.level === 'client-authentication') {
    return make(
      'SSH_AUTH_FAILED',
      `${t.user}@${t.host} did not accept Wharf's key.`,
      `Check the user name, and that Wharf's public key is in ~${t.user}/.ssh/authorized_keys on the host (or pass your own key with --identity).`,
      detail,
      where(t),
    );
  }
  if (e.code === 'ENOTFOUND' || e.code === 'EAI_NONAME') {
    return make(
      'SSH_HOST_NOT_FOUND',
      `There is no host named ${t.host}.`,
      'Check the spelling of the host name, or use its IP address.',
      detail,
      where(t),
    );
  }
  if (
    e.level === 'client-timeout' ||
    (e.code && ['ECONNREFUSED', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET'].includes(e.code))
  ) {
    return make(
      'SSH_UNREACHABLE',
      `Cannot reach ${t.host}:${t.port} over SSH.`,
      'Check the host name and port, and that an SSH server runs there. Wharf keeps retrying by itself.',
      detail,
      where(t),
    );
  }
  if (/protocol|handshake|banner|identification/i.test(detail)) {
    return make(
      'SSH_PROTOCOL',
      `${t.host}:${t.port} did not speak SSH as expected.`,
      "Check that the port is the SSH server's, not another service.",
      detail,
      where(t),
    );
  }
  return make(
    'SSH_FAILED',
    `The SSH connection to ${t.host} failed.`,
    'Check the host and retry; the details say what SSH reported.',
    detail,
    where(t),
  );
}

/** A remote published port that cannot be forwarded here: `port` is taken on this computer. */
export const forwardTaken = (port: number, detail: string): Coded<PortIssue> => ({
  hostPort: port,
  code: 'PORT_FORWARD_TAKEN',
  message: `Port ${port} is already used by another program on this computer, so Wharf cannot forward it yet; it tries again until the port is free.`,
  detail,
});
