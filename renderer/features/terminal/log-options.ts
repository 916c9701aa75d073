// The log view's choices and the `docker logs` flags each one stands for.
export const TAILS = ['1000', '10000', 'all'] as const;
export type TailChoice = (typeof TAILS)[number];
export const SINCES = ['', '5m', '1h', '24h'] as const;
export type SinceChoice = (typeof SINCES)[number];

const SECONDS: Record<SinceChoice, number> = { '': 0, '5m': 300, '1h': 3600, '24h': 86400 };

/** Unix seconds for the engine's `since`, or undefined for "from the start". */
export function sinceSeconds(choice: SinceChoice, now = Date.now()): number | undefined {
  const s = SECONDS[choice];
  return s ? Math.floor(now / 1000) - s : undefined;
}

export const tailValue = (t: TailChoice): number | 'all' => (t === 'all' ? 'all' : Number(t));
