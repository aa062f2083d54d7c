import { useCallback, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { t } from '@grafana/i18n';
import { PLAIN_TEXT } from '../../constants';
import { type Baseline, formatBaselineParam, parseBaselineParam } from '../../domain/compare/baseline';
import { compareVersions } from '../../domain/compare/compareVersions';
import {
  type FunctionComparison,
  largestChanges,
  largestShareChange,
  type LineComparison,
} from '../../domain/compare/lineDelta';
import { type ComparisonRow, comparisonRows } from '../../domain/compare/rows';
import type { FunctionDetails, FunctionVersion, SourceVersion } from '../../domain/model';
import type { FunctionDetailsTarget } from '../../domain/target';
import { QuerierClient } from '../../pyroscope/querier';
import type { SourceFile, SourceRequest } from '../../source/core/types';
import { useFunctionSource } from '../../source/useFunctionSource';
import { computeFunctionDetailsInWorker } from '../worker/computeFunctionDetailsInWorker';
import { baselineProblemText, describeBaseline } from './baselineText';
import { type BaselineLoaders, loadBaseline } from './loadBaseline';

/** The baseline's requests: the same querier calls and worker computation as the panel's own side. */
const querierLoaders: BaselineLoaders = {
  loadProfile: (t, signal) =>
    new QuerierClient(t.datasourceUid).selectMergeProfile(
      {
        profileTypeId: t.profileTypeId,
        labelSelector: t.labelSelector,
        start: t.range.from,
        end: t.range.to,
        callSite: t.callSite,
      },
      signal
    ),
  compute: (bytes, functionName) => computeFunctionDetailsInWorker(bytes, functionName),
  loadProfileTotal: (t, signal) =>
    new QuerierClient(t.datasourceUid).profileTotal(t.profileTypeId, t.labelSelector, t.range, signal),
};

/** The `compare=` URL parameter, held by the page (so a link carries it) or, without one, by the panel. */
export interface CompareParam {
  value?: string;
  onChange?: (value: string | undefined) => void;
}

interface Input {
  target: FunctionDetailsTarget;
  /** The comparison side as the panel loaded it, and the version shown. */
  details?: FunctionDetails;
  selected?: { key: string; function: FunctionVersion; version?: SourceVersion };
  /** The other versions of the function in this profile, for a version baseline. */
  versions: Array<{ key: string; name: string; version?: SourceVersion }>;
  /** The comparison's request for its file, and its state (the panel loads it). */
  sourceRequest?: SourceRequest;
  source: SourceFile;
  param: CompareParam;
}

export interface ComparisonData {
  baseline?: Baseline;
  description?: string;
  /** A `compare=` that could not be read. */
  urlError?: string;
  status: 'off' | 'loading' | 'error' | 'empty' | 'ready';
  error?: Error;
  comparison?: FunctionComparison;
  rows: ComparisonRow[];
  largest: LineComparison[];
  /** The scale of the colours: the largest change of a total's share. */
  scale: number;
  /** The comparison's code and the baseline's (for removed lines), when loaded. */
  source?: string[];
  baselineSource?: string[];
  /** Why lines are paired by number although the commits differ (a file could not be loaded). */
  approximate?: string;
  focused?: string;
  focusCount: number;
  /** The commits each side ran (gitRef), for the suspect commits. */
  baselineRef?: string;
  comparisonRef?: string;
}

export interface ComparisonActions {
  setBaseline: (baseline: Baseline | undefined) => void;
  /** Scrolls the code to a row (a row key). */
  focus: (key: string) => void;
  retry: () => void;
}

/**
 * The comparison of the function shown with a baseline: the baseline's profile of the same call site and both
 * wholes (loadBaseline), the baseline's version of the function (the one in the same file, else its largest), its
 * file when the commits differ, and the per-line comparison with its largest changes.
 */
export function useComparison(input: Input): { data: ComparisonData; actions: ComparisonActions } {
  const { target, details, selected, versions, sourceRequest, source, param } = input;
  const [localParam, setLocalParam] = useState<string>();
  const text = param.onChange ? param.value : localParam;
  const parsed = useMemo(() => (text ? parseBaselineParam(text) : undefined), [text]);
  const baseline = parsed && 'baseline' in parsed ? parsed.baseline : undefined;
  const urlError = parsed && 'error' in parsed ? baselineProblemText(parsed.error) : undefined;
  const [focus, setFocus] = useState<{ key?: string; count: number }>({ count: 0 });

  const setBaseline = useCallback(
    (next: Baseline | undefined) => {
      const value = next ? formatBaselineParam(next) : undefined;
      (param.onChange ?? setLocalParam)(value);
      setFocus({ count: 0 });
    },
    [param.onChange]
  );

  const baselineQuery = useQuery({
    queryKey: ['linescope/compare-baseline', target, baseline],
    queryFn: ({ signal }) => loadBaseline(querierLoaders, target, baseline!, signal),
    enabled: !!baseline,
    gcTime: 0,
  });
  const loaded = baselineQuery.data;

  const baselineVersion: (FunctionVersion & { sourceVersion?: SourceVersion }) | undefined = useMemo(() => {
    if (!baseline || !loaded || !selected) {
      return undefined;
    }
    if (baseline.kind === 'version') {
      const other = details?.versions.find((v) => v.key === baseline.key);
      const choice = versions.find((v) => v.key === baseline.key);
      return other && { ...other, sourceVersion: choice?.version ?? other.version };
    }
    const all = loaded.details?.versions ?? [];
    const sameFile = all.find((v) => v.fileName === selected.function.fileName);
    const chosen = sameFile ?? all[0];
    // A baseline without version info in its build id ran what the labels say, as the comparison's choice did.
    return chosen && { ...chosen, sourceVersion: chosen.version ?? selected.version };
  }, [baseline, loaded, selected, details, versions]);

  const baselineRef = baselineVersion?.sourceVersion?.gitRef;
  const comparisonRef = selected?.version?.gitRef;
  const differentCode = !!baselineVersion && baselineRef !== comparisonRef;
  const baselineRequest: SourceRequest | undefined =
    differentCode && sourceRequest && baselineVersion?.sourceVersion && baselineVersion.fileName
      ? {
          ...sourceRequest,
          version: baselineVersion.sourceVersion,
          fileName: baselineVersion.fileName,
          startLine: baselineVersion.startLine,
        }
      : undefined;
  const baselineSourceState = useFunctionSource(baselineRequest).data.file;
  const comparisonLines = source.status === 'loaded' ? source.lines : undefined;
  const baselineLines = baselineSourceState.status === 'loaded' ? baselineSourceState.lines : undefined;

  const comparison = useMemo(() => {
    if (!baselineVersion || !selected || !loaded) {
      return undefined;
    }
    return compareVersions(
      {
        version: baselineVersion,
        whole: loaded.baselineWhole,
        gitRef: baselineRef,
        file: differentCode ? baselineLines : undefined,
      },
      {
        version: selected.function,
        whole: loaded.comparisonWhole,
        gitRef: comparisonRef,
        file: differentCode ? comparisonLines : undefined,
      }
    );
  }, [baselineVersion, selected, loaded, baselineRef, comparisonRef, differentCode, baselineLines, comparisonLines]);

  const rows = useMemo(
    () => (comparison ? comparisonRows(comparison, selected?.function.startLine) : []),
    [comparison, selected]
  );
  const largest = useMemo(() => (comparison ? largestChanges(comparison) : []), [comparison]);

  const status: ComparisonData['status'] = !baseline
    ? 'off'
    : baselineQuery.error
      ? 'error'
      : !loaded
        ? 'loading'
        : !baselineVersion
          ? 'empty'
          : 'ready';

  const data: ComparisonData = {
    baseline,
    description: baseline ? describeBaseline(baseline, (k) => versions.find((v) => v.key === k)?.name) : undefined,
    urlError,
    status,
    error: baselineQuery.error ?? undefined,
    comparison,
    rows,
    largest,
    scale: comparison ? largestShareChange(comparison) : 0,
    source: comparisonLines,
    baselineSource: baselineLines,
    approximate: !comparison
      ? undefined
      : !comparison.exactMatching
        ? t(
            'function-details.comparison.approximate-differ',
            'The two versions of the file differ too much to follow their lines: lines are paired by number.'
          )
        : differentCode && (!comparisonLines || !baselineLines)
          ? t(
              'function-details.comparison.approximate-no-source',
              'The two sides ran different commits ({{baseline}} and {{comparison}}), but both files are needed to follow moved and edited lines: lines are paired by number until the source is loaded.',
              { baseline: short(baselineRef), comparison: short(comparisonRef), interpolation: PLAIN_TEXT }
            )
          : undefined,
    focused: focus.key,
    focusCount: focus.count,
    baselineRef,
    comparisonRef,
  };
  return {
    data,
    actions: {
      setBaseline,
      focus: (k) => setFocus((f) => ({ key: k, count: f.count + 1 })),
      retry: () => void baselineQuery.refetch(),
    },
  };
}

const short = (ref: string | undefined) =>
  ref ? (/^[0-9a-f]{40}$/.test(ref) ? ref.slice(0, 7) : ref) : t('function-details.comparison.unknown-ref', 'unknown');
