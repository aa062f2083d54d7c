// Stable hooks for tests and browser specs (e2e/). Keep values stable: Playwright specs outside src/ use them.
// Elements also carry aria-labels where a role query reads better; both are listed here.

export const testIds = {
  config: {
    form: 'linescope-config-form',
    enableFunctionDetails: 'linescope-config-enable-function-details',
    vcsDataSource: 'linescope-config-vcs-datasource',
    defaultDatasource: 'linescope-config-default-datasource',
    save: 'linescope-config-save',
    readOnlyNote: 'linescope-config-read-only',
    saved: 'linescope-config-saved',
    saveError: 'linescope-config-save-error',
  },
  flameGraphPage: {
    page: 'linescope-flamegraph-page',
    datasource: 'linescope-datasource-picker',
    service: 'linescope-service-select',
    profileType: 'linescope-profile-type-select',
    filters: 'linescope-label-filters',
    addFilter: 'linescope-add-label-filter',
    timeRange: 'linescope-time-range',
    loading: 'linescope-flamegraph-loading',
    empty: 'linescope-flamegraph-empty',
    error: 'linescope-flamegraph-error',
    prompt: 'linescope-flamegraph-prompt',
    flameGraph: 'linescope-flamegraph',
    /** Keyboard path to Function details: a combobox of the flame graph's functions. */
    functionPicker: 'linescope-function-picker',
    /** The canvas @grafana/flamegraph renders carries its own data-testid="flameGraph". */
    canvas: 'flameGraph',
    /** The side panel beside the flame graph, and the handle on its left edge that resizes it. */
    sidePanel: 'linescope-side-panel',
    sidePanelResizer: 'linescope-side-panel-resizer',
  },
  functionDetails: {
    panel: 'linescope-function-details',
    close: 'linescope-function-details-close',
    loading: 'linescope-function-details-loading',
    error: 'linescope-function-details-error',
    empty: 'linescope-function-details-empty',
    truncated: 'linescope-function-details-truncated',
    rowFunctionName: 'linescope-row-function-name',
    rowCallSite: 'linescope-row-call-site',
    callSiteText: 'linescope-call-site-text',
    rowStartLine: 'linescope-row-start-line',
    rowFile: 'linescope-row-file',
    copyFile: 'linescope-copy-file',
    copyFileFailed: 'linescope-copy-file-failed',
    rowRepository: 'linescope-row-repository',
    repositoryFallback: 'linescope-repository-fallback',
    rowCommit: 'linescope-row-commit',
    commitChoice: 'linescope-commit-choice',
    /** The Compare with… control, the largest changes list, a line's difference, and a row of the comparison. */
    compare: 'linescope-compare',
    largestChanges: 'linescope-largest-changes',
    lineDelta: 'linescope-line-delta',
    compareLine: 'linescope-compare-line',
    breakdown: 'linescope-breakdown',
    breakdownLine: 'linescope-breakdown-line',
    breakdownAllLines: 'linescope-breakdown-all-lines',
    packageSource: 'linescope-package-source',
    packageSourceLink: 'linescope-package-source-link',
    breakdownWithoutLine: 'linescope-breakdown-without-line',
    sourceNotLoaded: 'linescope-source-not-loaded',
    sourceRetry: 'linescope-source-retry',
    callees: 'linescope-function-details-callees',
    calleeLink: 'linescope-function-details-callee-link',
    calleeToggle: 'linescope-function-details-callee-toggle',
    callers: 'linescope-function-details-callers',
    callerLink: 'linescope-function-details-caller-link',
    breadcrumb: 'linescope-function-details-breadcrumb',
    /** Each line's blame cell, the blame's loading/error note and its show/hide toggle. */
    blame: 'linescope-function-details-blame',
    blameStatus: 'linescope-function-details-blame-status',
    blameToggle: 'linescope-function-details-blame-toggle',
    /** Each sampled line's self and total over the selected range. */
    lineHistory: 'linescope-function-details-line-history',
  },
  compare: {
    /** The suspect commits of a comparison of two commits. */
    suspects: 'linescope-compare-suspects',
  },
} as const;
