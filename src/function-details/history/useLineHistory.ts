// Each line's cost over the selected range: one SelectMergeProfile of the same call site per bucket (a fixed count,
// at most a few at a time), each decoded in the worker like the panel's own profile, then assembled per line.
// Asked after the panel's numbers (never delaying them); cancelled when the panel closes (react-query aborts the
// signal once nothing observes the query).
import { useQuery } from '@tanstack/react-query';
import {
  bucketCosts,
  type BucketCosts,
  bucketRanges,
  lineHistory,
  type LineHistory,
} from '../../domain/history/lineHistory';
import type { FunctionDetailsTarget } from '../../domain/target';
import { selectMergeProfileWithMostNodes } from '../../pyroscope/mergeNodeLimit';
import { QuerierClient } from '../../pyroscope/querier';
import { computeFunctionDetailsInWorker } from '../worker/computeFunctionDetailsInWorker';

/** Buckets asked for at once: the querier and the worker are shared with the rest of the page. */
const CONCURRENT_BUCKETS = 3;

async function loadHistory(target: FunctionDetailsTarget, fileName: string, signal: AbortSignal): Promise<LineHistory> {
  const client = new QuerierClient(target.datasourceUid);
  const ranges = bucketRanges(target.range);
  const buckets: BucketCosts[] = new Array(ranges.length);
  let next = 0;
  const work = async () => {
    while (next < ranges.length) {
      const i = next++;
      const bytes = await selectMergeProfileWithMostNodes((params) => client.selectMergeProfile(params, signal), {
        profileTypeId: target.profileTypeId,
        labelSelector: target.labelSelector,
        start: ranges[i].from,
        end: ranges[i].to,
        callSite: target.callSite,
      });
      if (signal.aborted) {
        throw signal.reason;
      }
      const details = bytes.length > 0 ? await computeFunctionDetailsInWorker(bytes, target.functionName) : undefined;
      buckets[i] = bucketCosts(details, fileName);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENT_BUCKETS, ranges.length) }, work));
  return lineHistory(buckets);
}

export function useLineHistory(target: FunctionDetailsTarget, fileName: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['linescope/line-history', target, fileName],
    queryFn: ({ signal }) => loadHistory(target, fileName!, signal),
    enabled: enabled && !!fileName,
    staleTime: 60_000,
    retry: false,
  });
}
