import { type Baseline, baselineScope, needsOwnProfile } from '../../domain/compare/baseline';
import type { FunctionDetails } from '../../domain/model';
import type { FunctionDetailsTarget } from '../../domain/target';

// The baseline side of a comparison, next to the comparison side the panel already loads: the baseline's profile of
// the same call site (SelectMergeProfile, decoded in the worker like the comparison's, numbers unchanged) and the
// totals of both sides' whole profiles, all requested at once.

export interface BaselineLoaders {
  loadProfile(target: FunctionDetailsTarget, signal: AbortSignal): Promise<Uint8Array>;
  compute(bytes: Uint8Array, functionName: string): Promise<FunctionDetails>;
  /** The total of a target's whole profile (its selection and time range, no call site). */
  loadProfileTotal(target: FunctionDetailsTarget, signal: AbortSignal): Promise<number>;
}

export interface LoadedBaseline {
  /** The baseline's own details; undefined when it is another version of the comparison's profile. */
  details?: FunctionDetails;
  baselineWhole: number;
  comparisonWhole: number;
  /** The query the baseline side ran. */
  target: FunctionDetailsTarget;
}

export async function loadBaseline(
  loaders: BaselineLoaders,
  target: FunctionDetailsTarget,
  baseline: Baseline,
  signal: AbortSignal
): Promise<LoadedBaseline> {
  const baselineTarget = baselineScope(target, baseline);
  if (!needsOwnProfile(baseline)) {
    // Two versions of one profile: shares of both are of the same whole.
    const whole = await loaders.loadProfileTotal(target, signal);
    return { baselineWhole: whole, comparisonWhole: whole, target: baselineTarget };
  }
  const [details, baselineWhole, comparisonWhole] = await Promise.all([
    loaders.loadProfile(baselineTarget, signal).then((bytes) => loaders.compute(bytes, target.functionName)),
    loaders.loadProfileTotal(baselineTarget, signal),
    loaders.loadProfileTotal(target, signal),
  ]);
  return { details, baselineWhole, comparisonWhole, target: baselineTarget };
}
