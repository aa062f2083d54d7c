// The suspect commits of a comparison of two commits: blame of the comparison's file at its commit for the lines
// that got hotter, and the commits between the two versions, matched (domain/blame/suspects). Asked only once the
// comparison is ready and its source loaded; never delays the comparison itself.
import { useMemo } from 'react';
import { blameByLine } from '../../../domain/blame/blame';
import { hotterLines, matchSuspects, spanOf, type SuspectVerdict } from '../../../domain/blame/suspects';
import type { LineComparison } from '../../../domain/compare/lineDelta';
import type { ResolvedFile } from '../../../source/core/types';
import { type Fetched, useBlame, useCommitsBetween } from '../../../source/useBlame';

export interface SuspectsInput {
  vcsDataSourceUid: string;
  repositoryUrl?: string;
  baselineRef?: string;
  comparisonRef?: string;
  /** The comparison's file as loaded (its repository, commit and path). */
  file?: ResolvedFile;
  lines: readonly LineComparison[];
}

export type SuspectsState = Fetched<SuspectVerdict & { truncated: boolean }>;

export function useSuspects(input: SuspectsInput): SuspectsState {
  const { vcsDataSourceUid, repositoryUrl, baselineRef, comparisonRef, file, lines } = input;
  const differentCommits = !!baselineRef && !!comparisonRef && baselineRef !== comparisonRef;
  const hotter = useMemo(() => hotterLines(lines), [lines]);
  const span = differentCommits ? spanOf(hotter) : undefined;
  const blame = useBlame(vcsDataSourceUid, span ? file : undefined, span);
  const between = useCommitsBetween(
    vcsDataSourceUid,
    differentCommits && hotter.length > 0 ? repositoryUrl : undefined,
    baselineRef,
    comparisonRef
  );
  return useMemo((): SuspectsState => {
    if (!differentCommits) {
      return { status: 'off' };
    }
    if (hotter.length === 0) {
      return { status: 'loaded', data: { kind: 'nothing-hotter', truncated: false } };
    }
    for (const part of [blame, between]) {
      if (part.status !== 'loaded') {
        return part;
      }
    }
    if (blame.status !== 'loaded' || between.status !== 'loaded') {
      return { status: 'loading' };
    }
    const shas = new Set(between.data.commits.map((c) => c.sha));
    const verdict = matchSuspects(hotter, blameByLine(blame.data.ranges, blame.data.commits), shas);
    return { status: 'loaded', data: { ...verdict, truncated: between.data.truncated } };
  }, [differentCommits, hotter, blame, between]);
}
