/**
 * Python pins, each read into normalized distribution name → version: uv.lock and poetry.lock (TOML,
 * `[[package]]` name/version), Pipfile.lock (JSON `default`/`develop`, `"version": "==1.2.3"`) and pip
 * requirements files (`name[extra]==1.2.3 ; marker --hash=…`, `\` continuations, `-r`/`-c` includes).
 */
import { parse as parseToml } from 'smol-toml';

export type Pins = Map<string, string>;

/** PEP 503: lower case, runs of `-_.` become `-`. */
export function normalizeDistribution(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

export function pinsFromTomlLock(text: string): Pins {
  const lock = parseToml(text) as { package?: unknown };
  const pins: Pins = new Map();
  for (const item of Array.isArray(lock.package) ? lock.package : []) {
    const { name, version } = item as { name?: unknown; version?: unknown };
    if (typeof name === 'string' && typeof version === 'string') {
      pins.set(normalizeDistribution(name), version);
    }
  }
  return pins;
}

export function pinsFromPipfileLock(text: string): Pins {
  const lock = JSON.parse(text) as Record<string, unknown>;
  const pins: Pins = new Map();
  for (const section of ['default', 'develop']) {
    const packages = lock[section];
    if (typeof packages !== 'object' || packages === null) {
      continue;
    }
    for (const [name, entry] of Object.entries(packages)) {
      const version = (entry as { version?: unknown } | null)?.version;
      if (typeof version === 'string' && version.startsWith('==') && !pins.has(normalizeDistribution(name))) {
        pins.set(normalizeDistribution(name), version.replace(/^==+/, ''));
      }
    }
  }
  return pins;
}

export interface Requirements {
  pins: Pins;
  /** Files named by `-r`/`-c`, relative to this one. */
  includes: string[];
}

const PIN = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*===?\s*([A-Za-z0-9.+!_-]+)\s*(?:;.*)?$/;

export function pinsFromRequirements(text: string): Requirements {
  const pins: Pins = new Map();
  const includes: string[] = [];
  const logical = text.replace(/\\\r?\n/g, ' ').split(/\r?\n/);
  for (const raw of logical) {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    const include = /^(?:-r|-c|--requirement|--constraint)(?:\s+|=)(\S+)/.exec(line);
    if (include) {
      includes.push(include[1]);
      continue;
    }
    const requirement = line.split(/\s+--/)[0].trim();
    const pin = PIN.exec(requirement);
    if (pin) {
      pins.set(normalizeDistribution(pin[1]), pin[2]);
    }
  }
  return { pins, includes };
}
