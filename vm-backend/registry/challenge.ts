// WWW-Authenticate parsing for the registry auth flow (RFC 7235 auth-params, quoted strings with
// backslash escapes). A registry answers 401 with Basic or Bearer; Bearer names the token realm.

export interface Challenge {
  scheme: 'basic' | 'bearer' | 'other';
  params: Record<string, string>;
}

/** Every challenge in the header, in order; unknown schemes kept as 'other'. Never throws. */
export function parseChallenges(header: string | null | undefined): Challenge[] {
  if (!header) return [];
  const out: Challenge[] = [];
  const s = header.slice(0, 4096);
  let i = 0;
  let current: Challenge | null = null;
  const skipWs = (): void => {
    while (i < s.length && (s[i] === ' ' || s[i] === '\t' || s[i] === ',')) i += 1;
  };
  while (i < s.length) {
    skipWs();
    const start = i;
    while (i < s.length && /[!#$%&'*+.^_`|~0-9A-Za-z-]/.test(s[i]!)) i += 1;
    const token = s.slice(start, i);
    if (!token) {
      i += 1;
      continue;
    }
    while (s[i] === ' ') i += 1;
    if (s[i] === '=') {
      i += 1;
      while (s[i] === ' ') i += 1;
      let value = '';
      if (s[i] === '"') {
        i += 1;
        while (i < s.length && s[i] !== '"') {
          if (s[i] === '\\' && i + 1 < s.length) i += 1;
          value += s[i];
          i += 1;
        }
        i += 1;
      } else {
        const vs = i;
        while (i < s.length && s[i] !== ',' && s[i] !== ' ') i += 1;
        value = s.slice(vs, i);
      }
      if (current) current.params[token.toLowerCase()] = value;
    } else {
      const lower = token.toLowerCase();
      current = { scheme: lower === 'basic' ? 'basic' : lower === 'bearer' ? 'bearer' : 'other', params: {} };
      out.push(current);
    }
  }
  return out;
}

/** The challenge Wharf can answer: Bearer (token) first, then Basic. */
export function pickChallenge(header: string | null | undefined): Challenge | undefined {
  const all = parseChallenges(header);
  return all.find((c) => c.scheme === 'bearer' && c.params.realm) ?? all.find((c) => c.scheme === 'basic');
}
