import { Coalescer } from './coalescer';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('Coalescer', () => {
  it('runs concurrent work of one key once and gives every caller its answer, then forgets it', async () => {
    const coalescer = new Coalescer();
    const gate = deferred<string>();
    const work = jest.fn(() => gate.promise);
    const callers = Array.from({ length: 50 }, () => coalescer.run('k', undefined, work));
    const other = coalescer.run('other', undefined, async () => 'other');
    gate.resolve('answer');
    expect(await Promise.all(callers)).toEqual(Array(50).fill('answer'));
    expect(await other).toBe('other');
    expect(work).toHaveBeenCalledTimes(1);
    expect(coalescer.size).toBe(0);
    await coalescer.run('k', undefined, work);
    expect(work).toHaveBeenCalledTimes(2);
  });

  it('gives every caller the failure, and runs again afterwards', async () => {
    const coalescer = new Coalescer();
    const gate = deferred<string>();
    const a = coalescer.run('k', undefined, () => gate.promise);
    const b = coalescer.run('k', new AbortController().signal, () => gate.promise);
    gate.reject(new Error('host down'));
    await expect(a).rejects.toThrow('host down');
    await expect(b).rejects.toThrow('host down');
    await expect(coalescer.run('k', undefined, async () => 'ok')).resolves.toBe('ok');
  });

  it('aborts the work only when every caller has gone away', async () => {
    const coalescer = new Coalescer();
    let seen: AbortSignal | undefined;
    const gate = deferred<string>();
    const work = (signal: AbortSignal) => {
      seen = signal;
      return gate.promise;
    };
    const first = new AbortController();
    const second = new AbortController();
    const a = coalescer.run('k', first.signal, work);
    const b = coalescer.run('k', second.signal, work);
    first.abort(new Error('first left'));
    await expect(a).rejects.toThrow('first left');
    expect(seen?.aborted).toBe(false);
    second.abort(new Error('second left'));
    await expect(b).rejects.toThrow('second left');
    expect(seen?.aborted).toBe(true);
    // A new caller starts afresh rather than joining the abandoned work.
    const fresh = jest.fn(async () => 'fresh');
    await expect(coalescer.run('k', undefined, fresh)).resolves.toBe('fresh');
    expect(fresh).toHaveBeenCalledTimes(1);
    gate.resolve('late');
  });

  it('never aborts work that a caller without a signal waits for', async () => {
    const coalescer = new Coalescer();
    let seen: AbortSignal | undefined;
    const gate = deferred<string>();
    const leaving = new AbortController();
    const work = (signal: AbortSignal) => {
      seen = signal;
      return gate.promise;
    };
    const a = coalescer.run('k', leaving.signal, work);
    const b = coalescer.run('k', undefined, work);
    leaving.abort(new Error('left'));
    await expect(a).rejects.toThrow('left');
    gate.resolve('kept');
    await expect(b).resolves.toBe('kept');
    expect(seen?.aborted).toBe(false);
  });

  it('refuses a caller whose signal has already aborted without starting work', async () => {
    const coalescer = new Coalescer();
    const gone = new AbortController();
    gone.abort(new Error('gone'));
    const work = jest.fn(async () => 'x');
    await expect(coalescer.run('k', gone.signal, work)).rejects.toThrow('gone');
    expect(work).not.toHaveBeenCalled();
  });
});
