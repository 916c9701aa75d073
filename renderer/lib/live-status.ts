// The engine's status text ("Up 2 seconds", "Exited (0) 5 minutes ago") is a snapshot. Parse its
// duration back, add the time since it was read, and print it again the way Docker does
// (go-units HumanDuration), so the text stays true without asking the engine again.

const UNIT_SECONDS: Record<string, number> = {
  second: 1,
  minute: 60,
  hour: 3600,
  day: 86400,
  week: 604800,
  month: 2592000,
  year: 31536000,
};

export function parseHumanDuration(text: string): number | null {
  const t = text.trim();
  if (/^less than a second$/i.test(t)) return 0;
  if (/^about a minute$/i.test(t)) return 60;
  if (/^about an hour$/i.test(t)) return 3600;
  const m = /^(\d+) (second|minute|hour|day|week|month|year)s?$/i.exec(t);
  if (!m?.[1] || !m[2]) return null;
  return Number(m[1]) * (UNIT_SECONDS[m[2].toLowerCase()] ?? 0);
}

export function humanDuration(seconds: number): string {
  const s = Math.floor(seconds);
  if (s < 1) return 'Less than a second';
  if (s === 1) return '1 second';
  if (s < 60) return `${s} seconds`;
  const minutes = Math.floor(s / 60);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.round(s / 3600);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.floor(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.floor(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24 / 30)} months`;
  return `${Math.floor(hours / 24 / 365)} years`;
}

/** The status text as it reads at `now`; unknown shapes are returned unchanged. */
export function liveStatus(status: string, readAt: number, now: number): string {
  const elapsed = Math.max(0, (now - readAt) / 1000);
  const up = /^Up (.+?)( \(.+\))?$/.exec(status);
  if (up?.[1]) {
    const d = parseHumanDuration(up[1]);
    return d === null ? status : `Up ${humanDuration(d + elapsed)}${up[2] ?? ''}`;
  }
  const ago = /^(Exited|Restarting) \((-?\d+)\) (.+) ago$/.exec(status);
  if (ago?.[3]) {
    const d = parseHumanDuration(ago[3]);
    return d === null ? status : `${ago[1]} (${ago[2]}) ${humanDuration(d + elapsed)} ago`;
  }
  return status;
}
