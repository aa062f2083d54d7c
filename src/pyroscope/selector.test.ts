import { buildSelector, formatSelector, parseSelector, SelectorParseError, splitService } from './selector';

describe('label selectors', () => {
  it('parses every operator, spacing and escaped quotes', () => {
    expect(parseSelector(' { service_name="api" , env=~"prod|dev",pod!="a\\"b", x!~\'y\' } ')).toEqual([
      { name: 'service_name', op: '=', value: 'api' },
      { name: 'env', op: '=~', value: 'prod|dev' },
      { name: 'pod', op: '!=', value: 'a"b' },
      { name: 'x', op: '!~', value: 'y' },
    ]);
  });

  it('reads empty selectors as no matchers', () => {
    expect(parseSelector('')).toEqual([]);
    expect(parseSelector('{}')).toEqual([]);
    expect(parseSelector('{ }')).toEqual([]);
  });

  it.each(['service_name="api"', '{service_name}', '{service_name="api}', '{a="1" b="2"}', '{1a="x"}', '{a=x}'])(
    'rejects %s with a clear error',
    (bad) => {
      expect(() => parseSelector(bad)).toThrow(SelectorParseError);
    }
  );

  it('round-trips through format, escaping quotes and backslashes', () => {
    const matchers = parseSelector('{service_name="a\\\\b\\"c",env="prod"}');
    expect(matchers[0].value).toBe('a\\b"c');
    expect(parseSelector(formatSelector(matchers))).toEqual(matchers);
  });

  it('separates the service from the filters and builds the selector back', () => {
    const { service, filters } = splitService(parseSelector('{env="prod",service_name="shop-go"}'));
    expect(service).toBe('shop-go');
    expect(filters).toEqual([{ name: 'env', op: '=', value: 'prod' }]);
    expect(buildSelector(service, filters)).toBe('{service_name="shop-go",env="prod"}');
    expect(buildSelector(undefined, [{ name: '', op: '=', value: 'x' }])).toBe('{}');
  });

  it('keeps a regex service matcher as a filter', () => {
    expect(splitService(parseSelector('{service_name=~"shop.*"}'))).toEqual({
      filters: [{ name: 'service_name', op: '=~', value: 'shop.*' }],
    });
  });
});
