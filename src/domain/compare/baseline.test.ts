import {
  Baseline,
  baselineScope,
  checkSelector,
  DAY_MS,
  formatBaselineParam,
  parseBaselineParam,
  WEEK_MS,
} from './baseline';

const scope = {
  labelSelector: '{service_name="shop-go"}',
  range: { from: 10 * WEEK_MS, to: 10 * WEEK_MS + 3600e3 },
  x: 1,
};

describe('baselineScope', () => {
  it('shifts the range for an offset, replaces it for a range, replaces the selector for labels', () => {
    expect(baselineScope(scope, { kind: 'offset', ms: DAY_MS })).toEqual({
      ...scope,
      range: { from: scope.range.from - DAY_MS, to: scope.range.to - DAY_MS },
    });
    expect(baselineScope(scope, { kind: 'range', from: 1, to: 2 }).range).toEqual({ from: 1, to: 2 });
    expect(baselineScope(scope, { kind: 'labels', selector: '{version="v1.0.0"}' })).toEqual({
      ...scope,
      labelSelector: '{version="v1.0.0"}',
    });
    expect(baselineScope(scope, { kind: 'version', key: '2' })).toBe(scope);
  });
});

describe('the compare URL parameter', () => {
  const cases: Array<[Baseline, string]> = [
    [{ kind: 'offset', ms: DAY_MS }, 'offset:1d'],
    [{ kind: 'offset', ms: WEEK_MS }, 'offset:1w'],
    [{ kind: 'offset', ms: 90 * 60_000 }, 'offset:90m'],
    [{ kind: 'range', from: 1700000000000, to: 1700003600000 }, 'range:1700000000000-1700003600000'],
    [
      { kind: 'labels', selector: '{service_name="shop-go", version="v1.0.0"}' },
      'labels:{service_name="shop-go", version="v1.0.0"}',
    ],
    [{ kind: 'version', key: '2:catalog/search.go' }, 'version:2:catalog/search.go'],
  ];

  it.each(cases)('writes %j as %s and reads it back', (baseline, text) => {
    expect(formatBaselineParam(baseline)).toBe(text);
    expect(parseBaselineParam(text)).toEqual({ baseline });
    // Through a real query string, as a shared link carries it.
    const params = new URLSearchParams({ compare: text });
    expect(parseBaselineParam(new URLSearchParams(params.toString()).get('compare')!)).toEqual({ baseline });
  });

  it.each([
    ['offset:0d', { kind: 'offset', value: '0d' }],
    ['offset:1y', { kind: 'offset', value: '1y' }],
    ['offset:', { kind: 'offset', value: '' }],
    ['range:20-10', { kind: 'range', value: '20-10' }],
    ['range:abc', { kind: 'range', value: 'abc' }],
    ['labels:version="v1"', { kind: 'selector', value: 'version="v1"' }],
    ['version:', { kind: 'no-version', value: '' }],
    ['yesterday', { kind: 'comparison', value: 'yesterday' }],
    ['', { kind: 'comparison', value: '' }],
  ])('refuses %s, saying which part is wrong', (text, problem) => {
    expect(parseBaselineParam(text)).toEqual({ error: problem });
  });
});

describe('checkSelector', () => {
  it('wants braces', () => {
    expect(checkSelector('{}')).toBeUndefined();
    expect(checkSelector(' {a="b"} ')).toBeUndefined();
    expect(checkSelector('a="b"')).toEqual({ kind: 'selector', value: 'a="b"' });
  });
});
