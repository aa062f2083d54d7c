import { useEffect, useState } from 'react';
import { isAbortError } from '../pyroscope/querier';

export type AsyncState<T> =
  { status: 'idle' } | { status: 'loading' } | { status: 'success'; value: T } | { status: 'error'; error: Error };

/**
 * Runs `load` whenever `key` changes (undefined key = nothing to load), aborting the previous run, so a late answer
 * for an old selection never overwrites the current one.
 */
export function useAsync<T>(key: string | undefined, load: (signal: AbortSignal) => Promise<T>): AsyncState<T> {
  const [result, setResult] = useState<{ key: string; state: AsyncState<T> }>();
  useEffect(() => {
    if (key === undefined) {
      return;
    }
    const controller = new AbortController();
    load(controller.signal).then(
      (value) => !controller.signal.aborted && setResult({ key, state: { status: 'success', value } }),
      (error) =>
        !controller.signal.aborted &&
        !isAbortError(error) &&
        setResult({ key, state: { status: 'error', error: error instanceof Error ? error : new Error(String(error)) } })
    );
    return () => controller.abort();
    // `load` is re-created on every render; `key` is what identifies the request.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  if (key === undefined) {
    return { status: 'idle' };
  }
  // Until this key's answer arrives, report loading rather than the previous key's result.
  return result?.key === key ? result.state : { status: 'loading' };
}
