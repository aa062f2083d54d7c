import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';

// Reads each output format back the way its consumer would (a shell, Node, a YAML parser) or, for languages that
// cannot run here, with a strict line grammar of the file the format promises. Anything unexpected throws.

export type Labels = Record<string, string>;

const STRING_LITERAL = '"(?:[^"\\\\]|\\\\.)*"';
const STRING = `(${STRING_LITERAL})`;

function strictLines(text: string, grammar: Array<RegExp | 'entries'>, entry: RegExp, unquote = JSON.parse): Labels {
  const lines = text.replace(/\n$/, '').split('\n');
  const labels: Labels = {};
  let i = 0;
  for (const rule of grammar) {
    if (rule === 'entries') {
      while (i < lines.length && entry.test(lines[i])) {
        const [, key, value] = entry.exec(lines[i])!;
        labels[unquote(key)] = unquote(value);
        i++;
      }
      continue;
    }
    if (!rule.test(lines[i] ?? '')) {
      throw new Error(`line ${i + 1} ${JSON.stringify(lines[i])} does not match ${rule}`);
    }
    i++;
  }
  if (i !== lines.length) {
    throw new Error(`unexpected line ${i + 1}: ${JSON.stringify(lines[i])}`);
  }
  return labels;
}

export function parseGo(text: string): { goPackage: string; labels: Labels } {
  const goPackage = /^package (\w+)$/m.exec(text)?.[1] ?? '';
  const labels = strictLines(
    text,
    [
      /^\/\/ Code generated .* DO NOT EDIT\.$/,
      /^$/,
      /^\/\/ /,
      /^package \w+$/,
      /^$/,
      /^\/\/ /,
      /^var PyroscopeTags = map\[string\]string\{$/,
      'entries',
      /^\}$/,
    ],
    new RegExp(`^\\t${STRING}: +${STRING},$`)
  );
  return { goPackage, labels };
}

export const parsePython = (text: string) =>
  strictLines(
    text,
    [/^# /, /^# /, /^PYROSCOPE_TAGS = \{$/, 'entries', /^\}$/],
    new RegExp(`^    ${STRING}: ${STRING},$`)
  );

/** What `RUBY_VERSION` reads back as: the Ruby that would load the file (Ruby is not run here). */
export const READ_BACK_RUBY_VERSION = '3.3.6';

export const parseRuby = (text: string) =>
  strictLines(
    text,
    [/^# /, /^# /, /^# /, /^PYROSCOPE_TAGS = \{$/, 'entries', /^\}\.freeze$/],
    new RegExp(`^  ${STRING} => (${STRING_LITERAL}|RUBY_VERSION),$`),
    (literal) => {
      if (literal === 'RUBY_VERSION') {
        return READ_BACK_RUBY_VERSION;
      }
      if (/(^|[^\\])#\{/.test(literal)) {
        throw new Error(`${literal} would interpolate in Ruby`);
      }
      return JSON.parse(literal.replace(/\\#/g, '#'));
    }
  );

/** Loads the module with Node itself; `nodeVersion` makes that Node's `process.version` another release. */
export function parseNode(text: string, nodeVersion?: string): Labels {
  const dir = mkdtempSync(path.join(tmpdir(), 'linescope-labels-node-'));
  try {
    const file = path.join(dir, 'pyroscope-labels.cjs');
    writeFileSync(file, text);
    const pretend =
      nodeVersion === undefined
        ? ''
        : `Object.defineProperty(process, 'version', { value: ${JSON.stringify(nodeVersion)} });`;
    const script = `${pretend} console.log(JSON.stringify(require(process.argv[1])))`;
    const json = execFileSync(process.execPath, ['-e', script, file], { encoding: 'utf8' });
    return JSON.parse(json);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `key=value,key=value`, as PYROSCOPE_LABELS and the Java agent's pyroscope.labels are read. */
export function parsePairs(value: string): Labels {
  const labels: Labels = {};
  for (const pair of value.split(',')) {
    const at = pair.indexOf('=');
    if (at <= 0) {
      throw new Error(`"${pair}" is not key=value`);
    }
    labels[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return labels;
}

/** java.util.Properties' reading of a `key=value` line (the escapes the format writes). */
export function parseJava(text: string): Labels {
  const lines = text.split('\n').filter((line) => line !== '' && !line.startsWith('#'));
  if (lines.length !== 1 || !lines[0].startsWith('pyroscope.labels=')) {
    throw new Error(`expected one pyroscope.labels line, got ${JSON.stringify(lines)}`);
  }
  const raw = lines[0].slice('pyroscope.labels='.length);
  const value = raw.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, escape: string) =>
    escape.length === 5 ? String.fromCharCode(parseInt(escape.slice(1), 16)) : escape
  );
  return parsePairs(value);
}

function bash(script: string, input: string): string[] {
  const out = execFileSync('bash', ['-c', script, 'parse-back', input], { encoding: 'utf8' });
  return out.split('\0').slice(0, -1);
}

/** What a shell has in its environment after `eval "$(linescope-labels env)"`. */
export function parseEnv(text: string): { pyroscopeLabels: Labels; otel: Labels } {
  const [pyroscope, otel] = bash(
    'set -eu; eval "$1"; printf "%s\\0%s\\0" "$PYROSCOPE_LABELS" "$OTEL_RESOURCE_ATTRIBUTES"',
    text
  );
  return { pyroscopeLabels: parsePairs(pyroscope), otel: parseResourceAttributes(otel) };
}

/** OTEL_RESOURCE_ATTRIBUTES as OpenTelemetry SDKs read it: `key=value` pairs, values percent-decoded. */
export function parseResourceAttributes(value: string): Labels {
  const labels: Labels = {};
  for (const [key, encoded] of Object.entries(parsePairs(value))) {
    labels[key] = decodeURIComponent(encoded);
  }
  return labels;
}

/** The words a shell makes of the docker format's output, as `--label key=value` pairs. */
export function parseDocker(text: string): Labels {
  return dockerLabels(bash('set -eu; eval "set -- $1"; printf "%s\\0" "$@"', text));
}

/** `--label key=value` pairs of docker's arguments; any other word throws. */
export function dockerLabels(words: string[]): Labels {
  const labels: Labels = {};
  for (let i = 0; i < words.length; i += 2) {
    if (words[i] !== '--label' || words[i + 1] === undefined) {
      throw new Error(`expected --label key=value, got ${JSON.stringify(words.slice(i, i + 2))}`);
    }
    const at = words[i + 1].indexOf('=');
    labels[words[i + 1].slice(0, at)] = words[i + 1].slice(at + 1);
  }
  return labels;
}

export function parseKubernetes(text: string): Labels {
  const patch = parseYaml(text, { strict: true, uniqueKeys: true });
  const annotations = patch?.spec?.template?.metadata?.annotations;
  if (!annotations || Object.keys(patch).length !== 1) {
    throw new Error(`not a pod-template patch: ${text}`);
  }
  for (const value of Object.values(annotations)) {
    if (typeof value !== 'string') {
      throw new Error(`annotation values must be strings, got ${JSON.stringify(value)}`);
    }
  }
  return annotations as Labels;
}

export interface AlloyRule {
  sourceLabels: string[];
  regex: string;
  targetLabel: string;
}

export interface AlloyRelabel {
  name: string;
  targets: string;
  rules: AlloyRule[];
}

/** The discovery.relabel block: its label, its targets expression and its rules (replace action). */
export function parseAlloy(text: string): AlloyRelabel {
  const body = text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n');
  const block =
    /^discovery\.relabel ("\w+") \{\n {2}targets = ([\w.]+)\n\n((?: {2}rule \{\n[\s\S]*?\n {2}\}\n)+)\}\n$/.exec(body);
  if (!block) {
    throw new Error(`not one discovery.relabel block:\n${text}`);
  }
  const rules = [...block[3].matchAll(/ {2}rule \{\n([\s\S]*?)\n {2}\}/g)].map(([, inner]) => {
    const attributes: Record<string, string> = {};
    for (const line of inner.split('\n')) {
      const attribute = /^ {4}(\w+) += (.+)$/.exec(line);
      if (!attribute) {
        throw new Error(`not an attribute: ${JSON.stringify(line)}`);
      }
      attributes[attribute[1]] = attribute[2];
    }
    if (Object.keys(attributes).sort().join() !== 'regex,source_labels,target_label') {
      throw new Error(`unexpected rule attributes ${Object.keys(attributes)}`);
    }
    return {
      sourceLabels: JSON.parse(attributes.source_labels) as string[],
      regex: JSON.parse(attributes.regex) as string,
      targetLabel: JSON.parse(attributes.target_label) as string,
    };
  });
  return { name: JSON.parse(block[1]), targets: block[2], rules };
}

/**
 * What Alloy's `replace` rules do to a target: join the source labels with `;`, match the anchored regex, and set
 * the target label to `$1` (the default replacement) on a match.
 */
export function applyRelabel(rules: AlloyRule[], target: Labels): Labels {
  const out = { ...target };
  for (const rule of rules) {
    const value = rule.sourceLabels.map((name) => out[name] ?? '').join(';');
    const match = new RegExp(`^(?:${rule.regex})$`).exec(value);
    if (match) {
      out[rule.targetLabel] = match[1] ?? '';
    }
  }
  return out;
}
