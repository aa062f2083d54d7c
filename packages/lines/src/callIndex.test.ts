import { FunctionCalls } from './calls';
import { computeFunctionDetails } from './computeFunctionDetails';
import { PprofBuilder } from '../testing/pprofBuilder';

// Hand-checked profiles: the expected numbers are worked out from the samples written next to them.

function callsOf(bytes: Uint8Array, functionName: string): FunctionCalls[] {
  return computeFunctionDetails(bytes, functionName, { calls: true }).versions.map((v) => v.calls!);
}

/** Callees as `line: name=total ...` strings, easy to read against the samples. */
const calleeText = (calls: FunctionCalls) =>
  calls.lines.map(({ line, callees }) => `${line}: ${callees.map((c) => `${c.functionName}=${c.total}`).join(' ')}`);
const callerText = (calls: FunctionCalls) => calls.callers.map((c) => `${c.functionName}=${c.total}`);

describe('call index (computeFunctionDetails with calls)', () => {
  it('gives each line the next frame out of it, largest first, and a callee reached from two lines to both', () => {
    const b = new PprofBuilder();
    const m = b.mapping();
    const main = b.function('main.main', 'main.go');
    const handle = b.function('main.handle', 'handle.go', 10);
    const query = b.function('db.Query', 'db.go');
    const render = b.function('tmpl.Render', 'tmpl.go');
    const mainLoc = b.location(m, [[main, 5]]);
    const h12 = b.location(m, [[handle, 12]]);
    const h15 = b.location(m, [[handle, 15]]);
    const q = b.location(m, [[query, 40]]);
    const r = b.location(m, [[render, 7]]);
    b.sample([q, h12, mainLoc], 30) // line 12 → db.Query 30
      .sample([r, h12, mainLoc], 50) // line 12 → tmpl.Render 50
      .sample([q, h15, mainLoc], 20) // line 15 → db.Query 20
      .sample([h15, mainLoc], 9) // self on line 15: no callee
      .sample([q, mainLoc], 100); // db.Query outside main.handle: not counted

    const [calls] = callsOf(b.encode(), 'main.handle');
    expect(calleeText(calls)).toEqual(['12: tmpl.Render=50 db.Query=30', '15: db.Query=20']);
    expect(calls.lines[0].callees[1]).toEqual({ functionName: 'db.Query', fileName: 'db.go', total: 30 });
    expect(callerText(calls)).toEqual(['main.main=109']);
    expect(calls.outermost).toBe(0);
    // The per-line numbers are those of a run without the index.
    const plain = computeFunctionDetails(b.encode(), 'main.handle').versions[0];
    const { calls: _, ...withCalls } = computeFunctionDetails(b.encode(), 'main.handle', { calls: true }).versions[0];
    expect(withCalls).toEqual(plain);
    expect(plain.calls).toBeUndefined();
  });

  it('counts an inlined callee as a call of the line it is inlined into, and the inliner as its caller', () => {
    const b = new PprofBuilder();
    const m = b.mapping();
    const handle = b.function('main.handle', 'handle.go');
    const index = b.function('strings.Index', 'strings.go');
    const helper = b.function('main.helper', 'handle.go');
    const main = b.function('main.main', 'main.go');
    const mainLoc = b.location(m, [[main, 3]]);
    // strings.Index inlined into main.helper, itself inlined into main.handle at line 24, all in one location.
    const inlined = b.location(m, [
      [index, 105],
      [helper, 60],
      [handle, 24],
    ]);
    b.sample([inlined, mainLoc], 40);

    expect(calleeText(callsOf(b.encode(), 'main.handle')[0])).toEqual(['24: main.helper=40']);
    const helperCalls = callsOf(b.encode(), 'main.helper')[0];
    expect(calleeText(helperCalls)).toEqual(['60: strings.Index=40']);
    expect(callerText(helperCalls)).toEqual(['main.handle=40']);
    // The innermost inlined frame is the leaf: it calls nothing.
    const indexCalls = callsOf(b.encode(), 'strings.Index')[0];
    expect(indexCalls.lines).toEqual([]);
    expect(callerText(indexCalls)).toEqual(['main.helper=40']);
  });

  it('counts a recursive sample once per line and callee and once per caller', () => {
    const b = new PprofBuilder();
    const m = b.mapping();
    const main = b.function('main.main', 'main.go');
    const walk = b.function('tree.walk', 'tree.go');
    const visit = b.function('tree.visit', 'tree.go');
    const mainLoc = b.location(m, [[main, 1]]);
    const w8 = b.location(m, [[walk, 8]]);
    const w9 = b.location(m, [[walk, 9]]);
    const v = b.location(m, [[visit, 30]]);
    // main → walk:8 → walk:8 → walk:9 → visit (leaf first below).
    b.sample([v, w9, w8, w8, mainLoc], 10);
    // main → walk:9 → visit → walk:8 → walk:9 → visit
    b.sample([v, w9, w8, v, w9, mainLoc], 5);

    const [calls] = callsOf(b.encode(), 'tree.walk');
    // Line 8 calls walk in both samples (10 + 5); line 9 calls visit in both (each sample once).
    expect(calleeText(calls)).toEqual(['8: tree.walk=15', '9: tree.visit=15']);
    // Callers: main (both samples), walk itself (both), visit (second only).
    expect(callerText(calls)).toEqual(['main.main=15', 'tree.walk=15', 'tree.visit=5']);
    // Line totals stay pprof's: every sample once per line.
    expect(computeFunctionDetails(b.encode(), 'tree.walk').versions[0].lines).toEqual([
      { line: 8, self: 0, total: 15 },
      { line: 9, self: 0, total: 15 },
    ]);
  });

  it('keeps the calls of frames without a line number under line 0', () => {
    const b = new PprofBuilder();
    const m = b.mapping();
    const handle = b.function('main.handle', 'handle.go');
    const query = b.function('db.Query', 'db.go');
    const q = b.location(m, [[query, 0]]);
    const h = b.location(m, [[handle, 0]]);
    const h7 = b.location(m, [[handle, 7]]);
    b.sample([q, h], 12).sample([q, h7], 3);

    const [calls] = callsOf(b.encode(), 'main.handle');
    expect(calleeText(calls)).toEqual(['0: db.Query=12', '7: db.Query=3']);
    // main.handle is the outermost frame of both samples.
    expect(calls.callers).toEqual([]);
    expect(calls.outermost).toBe(15);
  });

  it('skips locations without line entries and unknown location ids when looking for the next frame', () => {
    const b = new PprofBuilder();
    const m = b.mapping();
    const main = b.function('main.main', 'main.go');
    const handle = b.function('main.handle', 'handle.go');
    const query = b.function('db.Query', 'db.go');
    const q = b.location(m, [[query, 40]]);
    const bare = b.location(m, []);
    const h = b.location(m, [[handle, 12]]);
    const mainLoc = b.location(m, [[main, 5]]);
    b.sample([q, bare, 999, h, bare, mainLoc], 8);

    const [calls] = callsOf(b.encode(), 'main.handle');
    expect(calleeText(calls)).toEqual(['12: db.Query=8']);
    expect(callerText(calls)).toEqual(['main.main=8']);
  });

  it('indexes each version apart', () => {
    const b = new PprofBuilder();
    const v1 = b.mapping('{"repository":"https://github.com/acme/shop","git_ref":"v1"}');
    const v2 = b.mapping('{"repository":"https://github.com/acme/shop","git_ref":"v2"}');
    const handle = b.function('main.handle', 'handle.go');
    const query = b.function('db.Query', 'db.go');
    const cache = b.function('cache.Get', 'cache.go');
    b.sample([b.location(v1, [[query, 1]]), b.location(v1, [[handle, 12]])], 4);
    b.sample([b.location(v2, [[cache, 1]]), b.location(v2, [[handle, 13]])], 6);

    const details = computeFunctionDetails(b.encode(), 'main.handle', { calls: true });
    expect(details.versions.map((v) => [v.version?.gitRef, calleeText(v.calls!)])).toEqual([
      ['v2', ['13: cache.Get=6']],
      ['v1', ['12: db.Query=4']],
    ]);
  });

  it('stays exact on a function with hundreds of callees', () => {
    const b = new PprofBuilder();
    const m = b.mapping();
    const dispatch = b.function('rpc.dispatch', 'rpc.go');
    const d = b.location(m, [[dispatch, 20]]);
    for (let i = 1; i <= 500; i++) {
      b.sample([b.location(m, [[b.function(`handler${i}`, 'h.go'), 1]]), d], i);
    }
    const [calls] = callsOf(b.encode(), 'rpc.dispatch');
    expect(calls.lines).toHaveLength(1);
    const callees = calls.lines[0].callees;
    expect(callees).toHaveLength(500);
    expect(callees[0]).toMatchObject({ functionName: 'handler500', total: 500 });
    expect(callees[499]).toMatchObject({ functionName: 'handler1', total: 1 });
  });
});
