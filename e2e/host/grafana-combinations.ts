// The Grafana/React combinations the standalone host runs the plugin on. Each has its own browser packages (React,
// React DOM, @grafana/*) and its own shell build; the plugin's dist/ is the same for all of them, as in production,
// where Grafana supplies those packages to the plugin. `grafanaDependency` in src/plugin.json covers exactly these.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const REPO_ROOT = path.resolve(__dirname, '../..');

export interface GrafanaCombination {
  /** The Grafana minor line, as `--grafana` and the Playwright config name it. */
  line: string;
  /** Where this combination's react, react-dom and @grafana/* resolve from (a folder with their node_modules). */
  packagesDir: string;
  /** Where build-shell writes this combination's shell and the host serves it from. */
  shellDist: string;
}

/** Grafana 13.0 on React 18 (the root's packages), Grafana 13.2 on React 19 (the e2e/host/grafana-13.2 workspace). */
export const GRAFANA_COMBINATIONS: readonly GrafanaCombination[] = [
  { line: '13.0', packagesDir: REPO_ROOT, shellDist: path.join(__dirname, 'dist/grafana-13.0') },
  {
    line: '13.2',
    packagesDir: path.join(__dirname, 'grafana-13.2'),
    shellDist: path.join(__dirname, 'dist/grafana-13.2'),
  },
];

export const DEFAULT_GRAFANA_LINE = '13.0';

/** The combination for a line (the default one when none is given); an unknown line is an error naming the known ones. */
export function grafanaCombination(line: string | undefined): GrafanaCombination {
  const wanted = line ?? DEFAULT_GRAFANA_LINE;
  const found = GRAFANA_COMBINATIONS.find((c) => c.line === wanted);
  if (!found) {
    const known = GRAFANA_COMBINATIONS.map((c) => c.line).join(', ');
    throw new Error(`No Grafana combination "${wanted}" in the standalone host (known: ${known})`);
  }
  return found;
}

/** The folder of an installed package as Node would find it from `fromDir` (the nearest node_modules upwards). */
export function packageDir(fromDir: string, name: string): string {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) {
      return candidate;
    }
    if (dir === path.dirname(dir)) {
      throw new Error(
        `${name} is not installed for ${path.relative(REPO_ROOT, fromDir) || 'the root'}: run \`npm install\``
      );
    }
  }
}

function installedVersion(fromDir: string, name: string): string {
  return (JSON.parse(readFileSync(path.join(packageDir(fromDir, name), 'package.json'), 'utf8')) as { version: string })
    .version;
}

export interface InstalledVersions {
  /** @grafana/runtime's version: the Grafana version the host reports. */
  grafana: string;
  react: string;
  reactDom: string;
  grafanaUi: string;
}

/** The versions a combination actually runs on (read from what npm installed, so that reports cannot drift). */
export function installedVersions(c: GrafanaCombination): InstalledVersions {
  return {
    grafana: installedVersion(c.packagesDir, '@grafana/runtime'),
    react: installedVersion(c.packagesDir, 'react'),
    reactDom: installedVersion(c.packagesDir, 'react-dom'),
    grafanaUi: installedVersion(c.packagesDir, '@grafana/ui'),
  };
}
