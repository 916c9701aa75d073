// The name of the `docker context` Wharf registers for an engine's host socket, shared by the
// backend (which registers it) and the window (which shows `docker --context ... ps`).

/** The target Wharf makes up for an engine given with `--engine` on the command line. */
export const COMMAND_LINE_TARGET = 'command-line';

/**
 * `wharf-<target>` (wharf-vm, wharf-build) for a target the user named or a built-in one;
 * `wharf-<user>-<host>-<port>` for an engine given on the command line. Characters docker (and
 * Windows, for the pipe named after it) refuse become '-'.
 */
export function dockerContextName(targetName: string, address?: { user: string; host: string; port: number }): string {
  const base =
    targetName === COMMAND_LINE_TARGET && address ? `${address.user}-${address.host}-${address.port}` : targetName;
  return `wharf-${base}`.replace(/[^a-zA-Z0-9_.+-]/g, '-');
}
