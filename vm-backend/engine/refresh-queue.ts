/**
 * Runs one refresh per id at a time. An id named again while its refresh is in flight is
 * refreshed once more afterwards (the latest state always wins), never twice in parallel.
 */
export class RefreshQueue {
  private inFlight = new Set<string>();
  private dirty = new Set<string>();
  private closed = false;

  constructor(
    private readonly refresh: (id: string) => Promise<void>,
    private readonly onError: (id: string, err: unknown) => void = () => {},
  ) {}

  schedule(id: string): void {
    if (this.closed) return;
    if (this.inFlight.has(id)) {
      this.dirty.add(id);
      return;
    }
    void this.run(id);
  }

  /** Resolves when nothing is in flight (for tests and orderly shutdown). */
  async idle(): Promise<void> {
    while (this.inFlight.size) await new Promise((r) => setTimeout(r, 5));
  }

  close(): void {
    this.closed = true;
    this.dirty.clear();
  }

  private async run(id: string): Promise<void> {
    this.inFlight.add(id);
    try {
      do {
        this.dirty.delete(id);
        try {
          await this.refresh(id);
        } catch (err) {
          this.onError(id, err);
        }
      } while (this.dirty.has(id) && !this.closed);
    } finally {
      this.inFlight.delete(id);
    }
  }
}
