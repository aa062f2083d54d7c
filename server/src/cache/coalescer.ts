/**
 * Joins concurrent identical work: while one call for a key runs, every other caller of that key waits for its
 * answer instead of starting its own. The work gets a signal of its own that aborts only once every caller has
 * gone away (one impatient client must not fail the others); a caller that goes away gets its own abort reason
 * at once.
 */
interface Flight {
  promise: Promise<unknown>;
  controller: AbortController;
  waiting: number;
  /** A caller without a signal never goes away, so the work is never aborted. */
  pinned: boolean;
}

export class Coalescer {
  private readonly flights = new Map<string, Flight>();

  /** Keys with work running (for tests and metrics). */
  get size(): number {
    return this.flights.size;
  }

  run<T>(key: string, signal: AbortSignal | undefined, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    if (signal?.aborted) {
      return Promise.reject(signal.reason);
    }
    let flight = this.flights.get(key);
    if (!flight) {
      const controller = new AbortController();
      const started: Flight = { controller, waiting: 0, pinned: false, promise: Promise.resolve() };
      started.promise = Promise.resolve()
        .then(() => work(controller.signal))
        .finally(() => this.forget(key, started));
      // Every caller handles the outcome; this only keeps an abandoned flight's failure from going unhandled.
      started.promise.catch(() => undefined);
      this.flights.set(key, started);
      flight = started;
    }
    const joined = flight;
    joined.waiting++;
    if (!signal) {
      joined.pinned = true;
      return joined.promise as Promise<T>;
    }
    return new Promise<T>((resolve, reject) => {
      let left = false;
      const leave = () => {
        left = true;
        signal.removeEventListener('abort', onAbort);
        joined.waiting--;
      };
      const onAbort = () => {
        leave();
        if (joined.waiting === 0 && !joined.pinned) {
          this.forget(key, joined);
          joined.controller.abort(signal.reason);
        }
        reject(signal.reason);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      joined.promise.then(
        (value) => {
          if (!left) {
            leave();
            resolve(value as T);
          }
        },
        (error: unknown) => {
          if (!left) {
            leave();
            reject(error);
          }
        }
      );
    });
  }

  private forget(key: string, flight: Flight): void {
    if (this.flights.get(key) === flight) {
      this.flights.delete(key);
    }
  }
}
