// Prometheus-style series selectors as Pyroscope takes them: `{service_name="api", env=~"prod|dev"}`.
// Pure: the flame graph page keeps the whole query in the URL as one selector string and edits it through these.

export type MatchOp = '=' | '!=' | '=~' | '!~';
export const MATCH_OPS: MatchOp[] = ['=', '!=', '=~', '!~'];

export interface Matcher {
  name: string;
  op: MatchOp;
  value: string;
}

export const SERVICE_LABEL = 'service_name';

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_.]*/;

export class SelectorParseError extends Error {}

/** Parses `{a="x", b!~"y"}`; `{}` and the empty string mean "no matchers". Throws SelectorParseError with the position. */
export function parseSelector(selector: string): Matcher[] {
  const s = selector.trim();
  if (s === '' || s === '{}') {
    return [];
  }
  if (!s.startsWith('{') || !s.endsWith('}')) {
    throw new SelectorParseError(`A label selector must look like {name="value", …}, got ${JSON.stringify(selector)}`);
  }
  const matchers: Matcher[] = [];
  let i = 1;
  const end = s.length - 1;
  const skipSpace = () => {
    while (i < end && /\s/.test(s[i])) {
      i++;
    }
  };
  while (true) {
    skipSpace();
    if (i >= end) {
      break;
    }
    const name = LABEL_NAME.exec(s.slice(i))?.[0];
    if (!name) {
      throw new SelectorParseError(`Expected a label name at position ${i} of ${selector}`);
    }
    i += name.length;
    skipSpace();
    const op = (['=~', '!~', '!=', '='] as MatchOp[]).find((o) => s.startsWith(o, i));
    if (!op) {
      throw new SelectorParseError(`Expected =, !=, =~ or !~ after ${name} in ${selector}`);
    }
    i += op.length;
    skipSpace();
    const quote = s[i];
    if (quote !== '"' && quote !== "'" && quote !== '`') {
      throw new SelectorParseError(`Expected a quoted value for ${name} in ${selector}`);
    }
    let value = '';
    i++;
    while (i < end && s[i] !== quote) {
      if (s[i] === '\\' && quote !== '`' && i + 1 < end) {
        const next = s[i + 1];
        value += next === 'n' ? '\n' : next === 't' ? '\t' : next;
        i += 2;
        continue;
      }
      value += s[i++];
    }
    if (s[i] !== quote) {
      throw new SelectorParseError(`Unterminated value for ${name} in ${selector}`);
    }
    i++;
    matchers.push({ name, op, value });
    skipSpace();
    if (s[i] === ',') {
      i++;
      continue;
    }
    skipSpace();
    if (i < end) {
      throw new SelectorParseError(`Expected , or } at position ${i} of ${selector}`);
    }
  }
  return matchers;
}

const quote = (value: string) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;

export function formatSelector(matchers: Matcher[]): string {
  return `{${matchers.map((m) => `${m.name}${m.op}${quote(m.value)}`).join(',')}}`;
}

/** The service is the one `service_name="…"` equality matcher; everything else is a filter. */
export function splitService(matchers: Matcher[]): { service?: string; filters: Matcher[] } {
  const index = matchers.findIndex((m) => m.name === SERVICE_LABEL && m.op === '=');
  if (index < 0) {
    return { filters: matchers };
  }
  return { service: matchers[index].value, filters: matchers.filter((_, i) => i !== index) };
}

export function buildSelector(service: string | undefined, filters: Matcher[]): string {
  // Half-typed filters (no name yet) are left out rather than sent to Pyroscope as a syntax error.
  const complete = filters.filter((f) => f.name !== '');
  return formatSelector(service ? [{ name: SERVICE_LABEL, op: '=', value: service }, ...complete] : complete);
}
