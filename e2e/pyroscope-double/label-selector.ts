// Prometheus series selectors (`{service_name="api", env=~"prod|dev"}`) as Pyroscope parses them. Pure.

export type MatchOp = '=' | '!=' | '=~' | '!~';

export interface Matcher {
  name: string;
  op: MatchOp;
  value: string;
}

export class SelectorError extends Error {}

const NAME = /[a-zA-Z_][a-zA-Z0-9_]*/y;

/** Parses one selector; `{}` gives no matchers. An optional metric name in front becomes `__name__="…"`. */
export function parseSelector(input: string): Matcher[] {
  const src = input.trim();
  let pos = 0;
  const fail = (why: string): never => {
    throw new SelectorError(`parse error at char ${pos + 1}: ${why}`);
  };
  const skip = () => {
    while (pos < src.length && /\s/.test(src[pos])) {
      pos++;
    }
  };
  const name = (): string => {
    NAME.lastIndex = pos;
    const m = NAME.exec(src);
    if (!m) {
      return fail(`unexpected character ${JSON.stringify(src[pos] ?? 'end of input')}, expected a label name`);
    }
    pos += m[0].length;
    return m[0];
  };
  const str = (): string => {
    const quote = src[pos];
    if (quote !== '"' && quote !== "'" && quote !== '`') {
      return fail('expected a quoted string');
    }
    pos++;
    let out = '';
    while (pos < src.length && src[pos] !== quote) {
      if (src[pos] === '\\' && quote !== '`') {
        const next = src[pos + 1];
        const esc: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', "'": "'" };
        if (next === undefined || !(next in esc)) {
          fail(`unknown escape sequence \\${next ?? ''}`);
        }
        out += esc[next];
        pos += 2;
        continue;
      }
      out += src[pos++];
    }
    if (src[pos] !== quote) {
      fail('unterminated quoted string');
    }
    pos++;
    return out;
  };

  const matchers: Matcher[] = [];
  skip();
  if (src[pos] !== '{') {
    matchers.push({ name: '__name__', op: '=', value: name() });
    skip();
  }
  if (pos >= src.length && matchers.length > 0) {
    return matchers;
  }
  if (src[pos] !== '{') {
    fail('expected "{"');
  }
  pos++;
  skip();
  while (src[pos] !== '}') {
    const label = name();
    skip();
    const op = (['=~', '!~', '!=', '='] as MatchOp[]).find((o) => src.startsWith(o, pos));
    if (!op) {
      fail('expected one of =, !=, =~, !~');
    }
    pos += op!.length;
    skip();
    const value = str();
    if (op === '=~' || op === '!~') {
      try {
        new RegExp(`^(?:${value})$`);
      } catch (e) {
        fail(`invalid regular expression ${JSON.stringify(value)}`);
      }
    }
    matchers.push({ name: label, op: op!, value });
    skip();
    if (src[pos] === ',') {
      pos++;
      skip();
    } else if (src[pos] !== '}') {
      fail('expected "," or "}"');
    }
  }
  pos++;
  skip();
  if (pos !== src.length) {
    fail('unexpected characters after "}"');
  }
  return matchers;
}

/** A missing label matches as the empty string, as in Prometheus. */
export function matches(labels: Record<string, string>, matchers: Matcher[]): boolean {
  return matchers.every(({ name, op, value }) => {
    const actual = labels[name] ?? '';
    switch (op) {
      case '=':
        return actual === value;
      case '!=':
        return actual !== value;
      case '=~':
        return new RegExp(`^(?:${value})$`).test(actual);
      case '!~':
        return !new RegExp(`^(?:${value})$`).test(actual);
    }
  });
}
