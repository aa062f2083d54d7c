import {
  calleeEntry,
  callerEntry,
  type PanelEntry,
  sameEntry,
  trailFor,
  trailState,
  visit,
  withVersion,
} from './navigation';
import { readPanelEntry, withPanelEntry } from './panelUrl';

const version = { repository: 'https://github.com/acme/shop', gitRef: 'abc123' };
const handle: PanelEntry = {
  functionName: 'main.handleRequest',
  callSite: ['main.main', 'main.handleRequest'],
  callSiteCount: 1,
  version,
};

describe('callee and caller links', () => {
  it('extend the call site with the callee and keep the version', () => {
    expect(calleeEntry(handle, 'catalog.(*Catalog).Search')).toEqual({
      functionName: 'catalog.(*Catalog).Search',
      callSite: ['main.main', 'main.handleRequest', 'catalog.(*Catalog).Search'],
      callSiteCount: 1,
      version,
    });
  });

  it('move one step up for the caller above the function at its call site', () => {
    expect(callerEntry(handle, 'main.main')).toEqual({
      functionName: 'main.main',
      callSite: ['main.main'],
      callSiteCount: 1,
      version,
    });
  });

  it('open a caller found below the call site (recursion) merged under the call site', () => {
    expect(callerEntry(handle, 'tree.walk')).toEqual({
      functionName: 'tree.walk',
      callSite: handle.callSite,
      callSiteCount: 0,
      version,
    });
  });

  it('from a merged entry (sandwich view), open callees and callers merged under the shared part', () => {
    const sandwich: PanelEntry = { functionName: 'db.Query', callSite: ['main.main'], callSiteCount: 3 };
    expect(calleeEntry(sandwich, 'net.Read')).toEqual({
      functionName: 'net.Read',
      callSite: ['main.main'],
      callSiteCount: 0,
      version: undefined,
    });
    expect(callerEntry(sandwich, 'main.main')).toMatchObject({ callSite: ['main.main'], callSiteCount: 0 });
  });
});

describe('trail', () => {
  const search = calleeEntry(handle, 'catalog.(*Catalog).Search');
  const index = calleeEntry(search, 'strings.Index');

  it('drops what was ahead when a new function is opened from an earlier one', () => {
    let trail = visit(visit({ entries: [handle], index: 0 }, search), index);
    expect(trail.index).toBe(2);
    trail = { ...trail, index: 0 };
    const main = callerEntry(handle, 'main.main');
    expect(visit(trail, main)).toEqual({ entries: [handle, main], index: 1 });
  });

  it('comes back from the history state for the entry in the URL, with the URL version', () => {
    const trail = visit({ entries: [handle], index: 0 }, search);
    const state = JSON.parse(JSON.stringify(trailState(trail)));
    const inUrl = { ...search, version: { repository: version.repository, gitRef: 'def456' } };
    expect(trailFor(state, inUrl)).toEqual({ entries: [handle, inUrl], index: 1 });
  });

  it('starts anew for a state of another entry, a missing state or a malformed one', () => {
    const trail = trailState(visit({ entries: [handle], index: 0 }, search));
    expect(trailFor(trail, index)).toEqual({ entries: [index], index: 0 });
    expect(trailFor(null, index)).toEqual({ entries: [index], index: 0 });
    expect(trailFor({ functionDetailsTrail: { entries: [index], index: 3 } }, index).entries).toEqual([index]);
    expect(trailFor({ functionDetailsTrail: { entries: [{ functionName: 7 }], index: 0 } }, index).index).toBe(0);
    expect(trailFor('junk', index)).toEqual({ entries: [index], index: 0 });
  });

  it('records the version chosen on the entry shown only', () => {
    const trail = visit({ entries: [handle], index: 0 }, search);
    const other = { repository: version.repository, gitRef: 'v2' };
    expect(withVersion(trail, other).entries.map((e) => e.version)).toEqual([version, other]);
  });

  it('tells entries apart by function and call site, not by version', () => {
    expect(sameEntry(handle, { ...handle, version: undefined })).toBe(true);
    expect(sameEntry(handle, { ...handle, callSiteCount: 2 })).toBe(false);
    expect(sameEntry(handle, { ...handle, callSite: ['main.handleRequest'] })).toBe(false);
  });
});

describe('panel URL state', () => {
  it('round-trips an entry beside the flame graph parameters, names with any character included', () => {
    const odd: PanelEntry = {
      functionName: 'a&b=c "d"',
      callSite: ['main.main', 'x,y', 'a&b=c "d"'],
      callSiteCount: 1,
      version,
    };
    const params = withPanelEntry(new URLSearchParams('query=%7B%7D&from=now-1h'), odd);
    const reread = new URLSearchParams(params.toString());
    expect(readPanelEntry(reread)).toEqual({ entry: odd });
    expect(reread.get('from')).toBe('now-1h');
    expect([...withPanelEntry(reread, undefined).keys()]).toEqual(['query', 'from']);
  });

  it('keeps merged entries and entries without a version or call site', () => {
    const merged: PanelEntry = { functionName: 'db.Query', callSite: [], callSiteCount: 0 };
    const params = withPanelEntry(new URLSearchParams(), merged);
    expect(params.toString()).toBe('fdFunction=db.Query&fdCallSites=0');
    expect(readPanelEntry(params)).toEqual({ entry: merged });
  });

  it('reads no entry without a function, and an error for a broken call site or count', () => {
    expect(readPanelEntry(new URLSearchParams('from=now-1h'))).toEqual({});
    expect(readPanelEntry(new URLSearchParams('fdFunction=f&fdCallSite=[main'))).toEqual({
      error: expect.stringContaining('fdCallSite ([main)'),
    });
    expect(readPanelEntry(new URLSearchParams('fdFunction=f&fdCallSite={"a":1}')).error).toBeDefined();
    expect(readPanelEntry(new URLSearchParams('fdFunction=f&fdCallSites=two')).error).toContain('fdCallSites (two)');
  });
});
