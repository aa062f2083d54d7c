/** The environment as the deploy files give it to the server, read the way Kubernetes and the server read it. */
import { loadConfig } from '../../src/config';

type EnvEntry = Record<string, any>;

/** Every variable name loadConfig reads (from the code, not a list kept by hand). */
export function variablesTheServerReads(): Set<string> {
  const read = new Set<string>();
  const recording = new Proxy({} as Record<string, string | undefined>, {
    get: (_target, name) => {
      read.add(String(name));
      return undefined;
    },
  });
  loadConfig(recording);
  return read;
}

/** The names of the variables a file only mentions in its comments (the old aliases, documented there). */
export function namedInComments(text: string, names: Iterable<string>): string[] {
  const comments = text
    .split('\n')
    .filter((line) => /^\s*#/.test(line))
    .join('\n');
  return [...names].filter((name) => new RegExp(`\\b${name}\\b`).test(comments));
}

/** A container's env list with secrets filled in and $(VAR) expanded from the variables defined before, as Kubernetes does. */
export function expandEnv(entries: EnvEntry[], fromSecret: (key: string) => string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const entry of entries) {
    const raw = entry.valueFrom ? fromSecret(entry.valueFrom.secretKeyRef.key) : String(entry.value);
    values[entry.name] = raw.replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (ref, name) => values[name] ?? ref);
  }
  return values;
}

/** A stand-in Secret value for a key, long enough for the session secret. */
export const secretValue = (key: string) => `${key}-0123456789abcdef`;
