// How many nodes to ask SelectMergeProfile for, so that Pyroscope does not cut the profile where it can avoid it.
//
// Pyroscope applies no node limit to SelectMergeProfile unless a tenant turns it on
// (-querier.max-flamegraph-nodes-on-select-merge-profile). Then an unset max_nodes means the default limit
// (-querier.max-flamegraph-nodes-default, 8192 nodes) and cuts the smallest branches into `other`; a max_nodes up
// to -querier.max-flamegraph-nodes-max (1048576 by default) is honoured; above it the request fails with
// invalid_argument naming the allowed maximum (pkg/validation/validate.go ValidateMaxNodes). So: ask for the usual
// maximum, and for the tenant's own when it says it is lower.
import type { SelectMergeProfileParams } from './selectMergeProfileRequest';

/** Pyroscope's default -querier.max-flamegraph-nodes-max. */
export const PYROSCOPE_DEFAULT_MAX_NODES_MAX = 1 << 20;

const LIMIT_ERROR = /max flamegraph nodes limit (\d+) is greater than allowed (\d+)/;

/** The maximum the tenant allows, read from Pyroscope's refusal of a larger max_nodes. */
export function allowedMaxNodes(error: unknown): number | undefined {
  const message = error instanceof Error ? error.message : String(error ?? '');
  const match = LIMIT_ERROR.exec(message);
  const allowed = match ? Number(match[2]) : NaN;
  return Number.isSafeInteger(allowed) && allowed > 0 ? allowed : undefined;
}

export async function selectMergeProfileWithMostNodes(
  select: (params: SelectMergeProfileParams) => Promise<Uint8Array>,
  params: Omit<SelectMergeProfileParams, 'maxNodes'>
): Promise<Uint8Array> {
  try {
    return await select({ ...params, maxNodes: PYROSCOPE_DEFAULT_MAX_NODES_MAX });
  } catch (error) {
    const allowed = allowedMaxNodes(error);
    if (allowed === undefined || allowed >= PYROSCOPE_DEFAULT_MAX_NODES_MAX) {
      throw error;
    }
    return select({ ...params, maxNodes: allowed });
  }
}
