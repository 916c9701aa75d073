// Tests only: polls a condition until it yields a value (neither undefined nor false).
export async function until<T>(
  f: () => T | undefined | false | Promise<T | undefined | false>,
  ms = 10_000,
  stepMs = 25,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((r) => setTimeout(r, stepMs));
  }
}
