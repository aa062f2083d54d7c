import React, { createContext, useContext } from 'react';
import type { FunctionDetails } from './model';
import type { FunctionDetailsTarget } from './target';
import { QuerierClient } from '../pyroscope/querier';
import { computeFunctionDetailsInWorker } from './worker/computeFunctionDetailsInWorker';
import { type LabelVersion, resolveVersionFromLabels, versionLabelsPresent } from '../pyroscope/versionLabels';

// The panel's I/O, replaceable as a whole (tests run the computation on the main thread; the app uses the worker).

export interface FunctionDetailsLoaders {
  /** SelectMergeProfile for exactly the clicked call site, as raw pprof bytes. */
  loadProfile(target: FunctionDetailsTarget, signal: AbortSignal): Promise<Uint8Array>;
  /** Decodes the pprof and computes per-line costs (off the main thread in the app). */
  compute(bytes: Uint8Array, functionName: string): Promise<FunctionDetails>;
  /** The service's version labels for the same selector and time range. */
  loadLabelVersion(target: FunctionDetailsTarget, signal: AbortSignal): Promise<LabelVersion | undefined>;
  /** The total of the target's whole profile (no call site), for the shares of a comparison. */
  loadProfileTotal?(target: FunctionDetailsTarget, signal: AbortSignal): Promise<number>;
}

export const querierLoaders = (compute: FunctionDetailsLoaders['compute']): FunctionDetailsLoaders => ({
  loadProfile: (target, signal) =>
    new QuerierClient(target.datasourceUid).selectMergeProfile(
      {
        profileTypeId: target.profileTypeId,
        labelSelector: target.labelSelector,
        start: target.range.from,
        end: target.range.to,
        callSite: target.callSite,
      },
      signal
    ),
  compute,
  loadProfileTotal: (target, signal) =>
    new QuerierClient(target.datasourceUid).profileTotal(
      target.profileTypeId,
      target.labelSelector,
      target.range,
      signal
    ),
  loadLabelVersion: async (target, signal) => {
    const client = new QuerierClient(target.datasourceUid);
    // Ask only for the version labels that exist for this selection.
    const present = versionLabelsPresent(await client.labelNames(target.labelSelector, target.range, signal));
    const values = await Promise.all(
      present.map((name) => client.labelValues(name, target.labelSelector, target.range, signal))
    );
    return resolveVersionFromLabels(Object.fromEntries(present.map((name, i) => [name, values[i]])));
  },
});

// The worker client is part of the page's chunk (the worker's own script is a separate chunk it starts on first use),
// so opening the panel needs no extra chunk that a plugin update could have replaced meanwhile.
const computeInWorker: FunctionDetailsLoaders['compute'] = (bytes, functionName) =>
  computeFunctionDetailsInWorker(bytes, functionName);

const LoadersContext = createContext<FunctionDetailsLoaders | undefined>(undefined);

export const FunctionDetailsLoadersProvider = ({
  value,
  children,
}: {
  value: FunctionDetailsLoaders;
  children: React.ReactNode;
}) => <LoadersContext.Provider value={value}>{children}</LoadersContext.Provider>;

let defaultLoaders: FunctionDetailsLoaders | undefined;
export const useFunctionDetailsLoaders = (): FunctionDetailsLoaders =>
  useContext(LoadersContext) ?? (defaultLoaders ??= querierLoaders(computeInWorker));
