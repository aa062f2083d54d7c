import { DAY_MS, parseBaselineParam, WEEK_MS } from '../../domain/compare/baseline';
import { baselineProblemText, describeBaseline } from './baselineText';

describe('describeBaseline', () => {
  it('reads the shortcuts as words and the rest as what they are', () => {
    expect(describeBaseline({ kind: 'offset', ms: DAY_MS })).toBe('the same window one day earlier');
    expect(describeBaseline({ kind: 'offset', ms: WEEK_MS })).toBe('the same window one week earlier');
    expect(describeBaseline({ kind: 'offset', ms: 2 * 3600e3 })).toBe('the same window 2h earlier');
    expect(describeBaseline({ kind: 'range', from: 0, to: 60_000 })).toBe(
      '1970-01-01T00:00:00.000Z – 1970-01-01T00:01:00.000Z'
    );
    expect(describeBaseline({ kind: 'labels', selector: '{a="b"}' })).toBe('{a="b"}');
    expect(describeBaseline({ kind: 'version', key: '2' }, (k) => `v${k}`)).toBe('v2');
    expect(describeBaseline({ kind: 'version', key: '2:a/b.go' }, () => undefined)).toBe('version 2:a/b.go');
  });
});

describe('baselineProblemText', () => {
  const problem = (text: string) => {
    const parsed = parseBaselineParam(text);
    return 'error' in parsed ? baselineProblemText(parsed.error) : undefined;
  };

  it.each([
    ['offset:1y', '“1y” is not a time offset: expected a number and m, h, d or w, such as 1d or 1w'],
    ['range:20-10', /^“20-10” is not a time range: .*from before to$/],
    ['labels:version="v1"', /^“version="v1"” is not a label selector: expected matchers in braces/],
    ['version:', 'No version is named after “version:”'],
    ['<b>yesterday</b>&', /^“<b>yesterday<\/b>&” is not a comparison/],
  ])('says what is wrong with %s, the value as it was typed', (text, expected) => {
    expect(problem(text)).toMatch(expected);
  });
});
