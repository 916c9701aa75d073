// The classic builder's JSON stream read into a build's steps: "Step N/M : TEXT" starts step N
// (instruction N of the Dockerfile, so its line is known), " ---> Using cache" marks it cached,
// aux.ID is the image built, and an error ends it. Each line also becomes log text (ANSI kept,
// steps and cache hits coloured). BuildKit's trace messages are not read: Wharf asks for the
// classic builder (the Build view says so on an engine whose default is BuildKit, see
// api/rules/build-builder.ts).
import type { BuildRecord, BuildStep } from '../../api/contract.build';
import type { DockerfileInstruction } from '../../api/rules/build-dockerfile';

export interface BuildLine {
  stream?: string;
  status?: string;
  progress?: string;
  id?: string;
  aux?: { ID?: string };
  error?: string;
  errorDetail?: { message?: string; code?: number };
}

const STEP = /^Step (\d+)\/(\d+) : (.*)$/;
const BOLD_CYAN = '\x1b[1;36m';
const GREEN = '\x1b[32m';
const RED = '\x1b[1;31m';
const RESET = '\x1b[0m';

export class BuildStreamReader {
  /** The engine's error text, once one came. */
  errorText: string | null = null;

  constructor(
    private readonly record: BuildRecord,
    private readonly instructions: readonly DockerfileInstruction[],
  ) {}

  get current(): BuildStep | undefined {
    return this.record.steps.at(-1);
  }

  /** Applies one line of the stream; answers the text it adds to the log. */
  apply(line: BuildLine, now: number): string {
    if (line.error || line.errorDetail) {
      this.errorText = line.errorDetail?.message ?? line.error ?? 'error';
      this.closeStep(now);
      return `${RED}${this.errorText}${RESET}\n`;
    }
    if (line.aux?.ID) {
      this.record.imageId = line.aux.ID;
      return '';
    }
    if (line.status)
      return `${line.id ? `${line.id}: ` : ''}${line.status}${line.progress ? ` ${line.progress}` : ''}\n`;
    const text = line.stream ?? '';
    const step = STEP.exec(text.trim());
    if (step) {
      this.closeStep(now);
      const n = Number(step[1]);
      const s: BuildStep = { n, total: Number(step[2]), text: step[3] ?? '', startedAt: now, cached: false };
      const line = this.lineOf(n, s.text);
      if (line) s.line = line;
      this.record.steps.push(s);
      return `${BOLD_CYAN}${text}${RESET}`;
    }
    if (/^ ---> Using cache/.test(text)) {
      const cur = this.current;
      if (cur) cur.cached = true;
      return `${GREEN}${text}${RESET}`;
    }
    const built = /^Successfully built ([0-9a-f]+)/.exec(text);
    if (built) this.closeStep(now);
    return text;
  }

  /** The build ended: the last step's time. */
  closeStep(now: number): void {
    const cur = this.current;
    if (cur && cur.ms === undefined) cur.ms = now - cur.startedAt;
  }

  /** Instruction n's line; the text decides when the count and the file disagree. */
  private lineOf(n: number, text: string): number | undefined {
    const norm = (s: string): string => s.replace(/\s+/g, ' ').trim().toUpperCase();
    const byIndex = this.instructions[n - 1];
    const want = norm(text);
    if (byIndex && norm(`${byIndex.keyword} ${byIndex.args}`) === want) return byIndex.line;
    return this.instructions.find((i) => norm(`${i.keyword} ${i.args}`) === want)?.line ?? byIndex?.line;
  }
}
