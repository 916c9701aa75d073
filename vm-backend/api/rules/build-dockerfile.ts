// What a build form needs from a Dockerfile, read the way the classic builder reads it: one
// instruction per logical line (a trailing `\` continues it; comments and blank lines are not
// instructions), so "Step N/M" is instruction N and a failed step points at its line.

export interface DockerfileInstruction {
  /** 1-based line where the instruction starts. */
  line: number;
  /** Upper-cased keyword: FROM, RUN, ARG... */
  keyword: string;
  /** The rest of the instruction, continuation lines joined. */
  args: string;
}

export interface DockerfileInfo {
  instructions: DockerfileInstruction[];
  /** ARG names with their default, in order, each once (the form pre-fills --build-arg rows). */
  args: { name: string; value?: string }[];
  /** `FROM ... AS name` stages, in order (the --target choices). */
  stages: string[];
  /** EXPOSEd container ports ("3000", "53/udp") of the last stage (the image that is built). */
  exposes: string[];
}

export function parseDockerfile(text: string): DockerfileInfo {
  const lines = text.split(/\r?\n/);
  const escapeChar = /^#\s*escape\s*=\s*`/i.test(lines[0] ?? '') ? '`' : '\\';
  const instructions: DockerfileInstruction[] = [];
  let current: DockerfileInstruction | null = null;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const trimmed = raw.trim();
    if (!current && (trimmed === '' || trimmed.startsWith('#'))) continue;
    if (current && trimmed.startsWith('#')) continue; // comments inside a continued instruction
    const continued = trimmed.endsWith(escapeChar);
    const body = continued ? trimmed.slice(0, -1).trimEnd() : trimmed;
    if (current) current.args = `${current.args} ${body}`.trim();
    else {
      const m = /^(\S+)\s*(.*)$/.exec(body);
      current = { line: i + 1, keyword: (m?.[1] ?? '').toUpperCase(), args: m?.[2] ?? '' };
    }
    if (!continued) {
      instructions.push(current);
      current = null;
    }
  }
  if (current) instructions.push(current);

  const args = new Map<string, string | undefined>();
  const stages: string[] = [];
  let exposes: string[] = [];
  for (const ins of instructions) {
    if (ins.keyword === 'ARG') {
      for (const word of ins.args.split(/\s+/).filter(Boolean)) {
        const eq = word.indexOf('=');
        const name = eq < 0 ? word : word.slice(0, eq);
        const value = eq < 0 ? undefined : word.slice(eq + 1).replace(/^"(.*)"$/, '$1');
        if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !args.has(name)) args.set(name, value);
      }
    } else if (ins.keyword === 'FROM') {
      exposes = [];
      const m = /\s+as\s+(\S+)\s*$/i.exec(ins.args);
      if (m?.[1]) stages.push(m[1]);
    } else if (ins.keyword === 'EXPOSE') {
      exposes.push(...ins.args.split(/\s+/).filter((p) => /^\d{1,5}(\/(tcp|udp|sctp))?$/i.test(p)));
    }
  }
  return {
    instructions,
    args: [...args].map(([name, value]) => (value === undefined ? { name } : { name, value })),
    stages,
    exposes,
  };
}
