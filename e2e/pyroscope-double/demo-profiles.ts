// The profiles the standalone stack serves: every recorded sample with its sidecar labels, plus two demo
// variations that keep the golden numbers of each service intact.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { decodeProfile, ingest, sidecarLabels, type StoredSeries } from './profile-store';

const PROFILES_DIR = path.resolve(__dirname, '../../samples/profiles');

/**
 * Label changes by profile name:
 * - the -trimpath build of shop-go v2 is served as its own service, so that shop-go's per-line numbers stay those
 *   of its goldens (v1 + v2 merged, each version apart);
 * - the build of shop-node without source maps is served as `shop-node-compiled`, so that shop-node's frames are
 *   the TypeScript ones only;
 * - shop-python v1 is served a second time as `shop-python-unlabelled`, without repository labels, the state of a
 *   service that was never labelled;
 * - shop-go (both versions, CPU and heap) is served again as `shop-go-gitlab`, `shop-go-bitbucket` and
 *   `shop-go-azure`, its repository on GitLab, Bitbucket Cloud and Azure DevOps;
 * - the versions with dependencies in their hot path, shop-go v1.2.0 (golang.org/x/text) and shop-node v1.1.0
 *   (@noble/hashes and a private package), are served as `shop-go-deps` and `shop-node-deps`, so that the
 *   dependencies' frames are wide and shop-go's and shop-node's numbers stay those of their goldens and specs.
 * shop-go's v1.0.0 profiles (on both hosts) are replayed 40 minutes ago and v1.1.0's just now, so that the last hour
 * shows a deployment: a line's history over the hour has v1.0.0's cost, then v1.1.0's, and a commit change between.
 */
type Relabel = Array<{ set: Record<string, string>; drop?: string[] }>;

const REPLAY_AGE_MS: Record<string, number> = { 'shop-go-v1.cpu': 40 * 60_000, 'shop-go-v1.heap': 40 * 60_000 };

/** shop-go as it is, and its copies on the other Git hosts (one line per host). */
const ON_EVERY_HOST: Relabel = [
  { set: {} },
  { set: { service_name: 'shop-go-gitlab', service_repository: 'https://gitlab.com/linescope-demo/shop-go' } },
  { set: { service_name: 'shop-go-bitbucket', service_repository: 'https://bitbucket.org/linescope-demo/shop-go' } },
  {
    set: {
      service_name: 'shop-go-azure',
      service_repository: 'https://dev.azure.com/linescope-demo/shop/_git/shop-go',
    },
  },
];

export const DEMO_RELABEL: Record<string, Relabel> = {
  'shop-go-v1.cpu': ON_EVERY_HOST,
  'shop-go-v2.cpu': ON_EVERY_HOST,
  'shop-go-v1.heap': ON_EVERY_HOST,
  'shop-go-v2.heap': ON_EVERY_HOST,
  'shop-go-v2-trimpath.cpu': [{ set: { service_name: 'shop-go-trimpath' } }],
  'shop-node-v1-compiled.cpu': [{ set: { service_name: 'shop-node-compiled' } }],
  'shop-go-v3.cpu': [{ set: { service_name: 'shop-go-deps' } }],
  'shop-go-v3.heap': [{ set: { service_name: 'shop-go-deps' } }],
  'shop-node-v2.cpu': [{ set: { service_name: 'shop-node-deps' } }],
  'shop-python-v1.cpu': [
    { set: {} },
    {
      set: { service_name: 'shop-python-unlabelled' },
      drop: ['service_repository', 'service_git_ref', 'service_root_path'],
    },
  ],
};

export async function demoSeries(dir = PROFILES_DIR): Promise<StoredSeries[]> {
  const files = (await fs.readdir(dir)).filter((f) => f.endsWith('.pb.gz')).sort();
  const out: StoredSeries[] = [];
  for (const file of files) {
    const name = file.replace(/\.pb\.gz$/, '');
    const labels = sidecarLabels(
      JSON.parse(await fs.readFile(path.join(dir, `${name}.labels.json`), 'utf8')),
      `${name}.labels.json`
    );
    const profile = decodeProfile(await fs.readFile(path.join(dir, file)));
    for (const variant of DEMO_RELABEL[name] ?? [{ set: {} }]) {
      const l = { ...labels, ...variant.set };
      variant.drop?.forEach((k) => delete l[k]);
      const series = ingest(profile, l, file);
      out.push(...(REPLAY_AGE_MS[name] ? series.map((s) => ({ ...s, replayAgeMs: REPLAY_AGE_MS[name] })) : series));
    }
  }
  return out;
}
