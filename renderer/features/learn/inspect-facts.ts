// What the Interactive and Inside lessons need that the containers list lacks: whether a container
// was started with a TTY and an open stdin (-it), and its memory limit (--memory). Read from one
// `containers:inspect` answer (the engine's own Config and HostConfig), never guessed.

export interface ContainerFacts {
  /** The container's state when it was inspected: a new state is inspected again. */
  state: string;
  tty: boolean;
  openStdin: boolean;
  /** HostConfig.Memory in bytes; 0 when no limit was set. */
  memory: number;
}

const field = (o: unknown, key: string): unknown =>
  o && typeof o === 'object' ? (o as Record<string, unknown>)[key] : undefined;

/** The facts of an inspect answer's raw JSON; absent or odd fields read as "not set". */
export function factsOf(raw: unknown, state: string): ContainerFacts {
  const config = field(raw, 'Config');
  const memory = field(field(raw, 'HostConfig'), 'Memory');
  return {
    state,
    tty: field(config, 'Tty') === true,
    openStdin: field(config, 'OpenStdin') === true,
    memory: typeof memory === 'number' && Number.isFinite(memory) && memory > 0 ? memory : 0,
  };
}

export const MIB = 1024 * 1024;
