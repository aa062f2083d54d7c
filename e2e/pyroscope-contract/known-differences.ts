// What the contract test compares of an answer: status, content type and body, with a merged profile compared as
// its stacks (normalise.ts). Differences between the double and the real Pyroscope that do not matter to the plugin
// are listed here, each with why (and in e2e/pyroscope-double/README.md); everything else must be equal. Pure.
import type { Answer } from './exchange';
import { canonicalProfile, type CanonicalProfile } from './normalise';
import type { ContractQuery } from './queries';

export interface Comparable {
  status: number;
  contentType: string;
  body: unknown;
}

export interface KnownDifference {
  name: string;
  why: string;
  /** Which recorded exchanges it concerns. */
  applies: (query: ContractQuery) => boolean;
  /** Removes the difference from both sides' comparable form. */
  normalise: (comparable: Comparable) => Comparable;
}

const isSelectorError = (q: ContractQuery) => /bad-selector$/.test(q.name);
const maxNodesOf = (q: ContractQuery) => Number(q.body.maxNodes ?? 0);

export const KNOWN_DIFFERENCES: KnownDifference[] = [
  {
    name: 'selector parse error messages',
    why: "Pyroscope reports Prometheus's parser message, the double its own; both are invalid_argument (HTTP 400), which is all the plugin reads: it shows its own text for a bad selector.",
    applies: isSelectorError,
    normalise: (c) => ({ ...c, body: { ...(c.body as object), message: '<selector parse error>' } }),
  },
  {
    name: 'which nodes a small max_nodes cuts in the tree format and in SelectMergeProfile',
    why: "Pyroscope's backend truncates its stack-trace tree, whose nodes are function ids (and locations for pprof), the double the function-name tree: with a max_nodes far below the profile's size, a node near the threshold can fall on either side. Totals and the `other` stub agree. The plugin never asks the tree format, and asks SelectMergeProfile with max_nodes 1048576 (no cut).",
    applies: (q) =>
      (q.method === 'SelectMergeStacktraces' && q.body.format === 'PROFILE_FORMAT_TREE') ||
      (q.method === 'SelectMergeProfile' && maxNodesOf(q) > 0 && maxNodesOf(q) < 1000),
    normalise: (c) => {
      if (c.status !== 200) {
        return c;
      }
      if (c.body && typeof c.body === 'object' && 'stacks' in c.body) {
        const p = c.body as CanonicalProfile;
        const cut = Object.keys(p.stacks).some((k) => k.startsWith('other '));
        return { ...c, body: { ...p, stacks: { truncatedIntoOther: cut } } };
      }
      return { ...c, body: { tree: typeof (c.body as { tree?: unknown }).tree } };
    },
  },
];

export function comparable(query: ContractQuery, answer: Answer): Comparable {
  const ok = answer.status === 200;
  let c: Comparable = {
    status: answer.status,
    contentType: answer.contentType.split(';')[0].trim(),
    body: ok && query.method === 'SelectMergeProfile' ? canonicalProfile(answer.response) : answer.response,
  };
  for (const d of KNOWN_DIFFERENCES) {
    if (d.applies(query)) {
      c = d.normalise(c);
    }
  }
  return c;
}
