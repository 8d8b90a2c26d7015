/**
 * A value shared by a whole process (Discover's candidate pools, trending topics), fetched at most
 * once per TTL, served stale while a newer one is fetched in the background
 * (only the very first reader waits), so a refresh never lands on one unlucky request's latency.
 * A failed refresh keeps the old value and is tried again by the next reader.
 */
export class Refreshing<T> {
  private current: { at: number; value: Promise<T> } | null = null;
  private refreshing = false;
  /** Bumped by drop(): a refresh that began before it must not install what it read. */
  private generation = 0;

  constructor(private readonly load: () => Promise<T>) {}

  get(now: number, ttlMs: number): Promise<T> {
    if (!this.current) {
      const value = this.load();
      const entry = { at: now, value };
      this.current = entry;
      value.catch(() => {
        if (this.current === entry) this.current = null;
      });
      return value;
    }
    if (now - this.current.at > ttlMs && !this.refreshing) {
      this.refreshing = true;
      const generation = this.generation;
      this.load()
        .then((fresh) => {
          if (generation === this.generation) this.current = { at: now, value: Promise.resolve(fresh) };
        })
        .catch(() => {})
        .finally(() => {
          this.refreshing = false;
        });
    }
    return this.current.value;
  }

  /** The value as it stands (or is being loaded), without starting a load; null when never loaded. */
  peek(): Promise<T> | null {
    return this.current?.value ?? null;
  }

  /** Forgets the value: the next reader waits for a fresh one (readers arriving meanwhile share it). */
  drop(): void {
    this.generation++;
    this.current = null;
  }
}

