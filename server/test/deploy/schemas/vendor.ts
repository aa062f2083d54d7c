/**
 * Refreshes the vendored schemas (see README.md beside this file):
 *   tsx server/test/deploy/schemas/vendor.ts <kubernetes-json-schema/v1.NN.0-local-strict> <CRDs-catalog checkout>
 * Copies the schema of each kind the manifests use and only the definitions those reach, so the tests need no network.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The kinds deploy/kubernetes/ uses, as kubernetes-validate names their files. */
export const CORE_KINDS = [
  'configmap-v1',
  'deployment-apps-v1',
  'horizontalpodautoscaler-autoscaling-v2',
  'networkpolicy-networking-v1',
  'poddisruptionbudget-policy-v1',
  'secret-v1',
  'service-v1',
];
/** The Prometheus Operator's kinds, from datreeio/CRDs-catalog. */
export const CRD_KINDS = ['monitoring.coreos.com/podmonitor_v1', 'monitoring.coreos.com/prometheusrule_v1'];

const DEFINITIONS = '_definitions.json';
const here = __dirname;

function refsIn(value: unknown, found: Set<string>): void {
  if (Array.isArray(value)) {
    value.forEach((v) => refsIn(v, found));
  } else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === '$ref' && typeof v === 'string') {
        const name = /#\/\$defs\/(.+)$/.exec(v)?.[1];
        if (name) {
          found.add(name);
        }
      } else {
        refsIn(v, found);
      }
    }
  }
}

function vendor(coreDir: string, crdCatalog: string): void {
  const version = path.basename(coreDir);
  const out = path.join(here, version);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const all = JSON.parse(readFileSync(path.join(coreDir, DEFINITIONS), 'utf8'));
  const wanted = new Set<string>();
  for (const kind of CORE_KINDS) {
    const text = readFileSync(path.join(coreDir, `${kind}.json`), 'utf8');
    refsIn(JSON.parse(text), wanted);
    writeFileSync(path.join(out, `${kind}.json`), text);
  }
  // The closure of the definitions the kinds reach.
  const kept: Record<string, unknown> = {};
  const queue = [...wanted];
  while (queue.length > 0) {
    const name = queue.pop()!;
    if (kept[name] !== undefined) {
      continue;
    }
    kept[name] = all.$defs[name];
    const more = new Set<string>();
    refsIn(all.$defs[name], more);
    queue.push(...[...more].filter((n) => kept[n] === undefined));
  }
  const sorted = Object.fromEntries(Object.entries(kept).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(path.join(out, DEFINITIONS), JSON.stringify({ ...all, $defs: sorted }, null, 1) + '\n');
  for (const kind of CRD_KINDS) {
    mkdirSync(path.join(here, path.dirname(kind)), { recursive: true });
    writeFileSync(path.join(here, `${kind}.json`), readFileSync(path.join(crdCatalog, `${kind}.json`), 'utf8'));
  }
}

if (require.main === module) {
  const [coreDir, crdCatalog] = process.argv.slice(2);
  if (!coreDir || !crdCatalog) {
    process.stderr.write('usage: vendor.ts <kubernetes-json-schema/v1.NN.0-local-strict> <CRDs-catalog checkout>\n');
    process.exit(2);
  }
  vendor(coreDir, crdCatalog);
}
