// Translatable views: every user-visible string in a view goes through @grafana/i18n (`t`, `Trans`), and Grafana's
// own lint rule refuses new ones that do not. The views listed in UNTRANSLATED_VIEWS predate the rule and are being
// moved over; a new view is checked from its first line, and a converted one leaves the list for good.
import grafanaI18n from '@grafana/i18n/eslint-plugin';

export const VIEW_FILES = ['src/**/*.tsx'];
export const NOT_VIEWS = ['src/**/*.test.tsx', 'src/test-support/**'];

export const UNTRANSLATED_VIEWS = [
  'src/flamegraph/LabelFilters.tsx',
  'src/function-details/CommitChoice.tsx',
  'src/function-details/DetailRow.tsx',
  'src/function-details/FunctionDetailsPanel.tsx',
  'src/function-details/LineBreakdown.tsx',
  'src/function-details/RepositoryValue.tsx',
  'src/function-details/TruncationNotice.tsx',
  'src/function-details/calls/CallLists.tsx',
  'src/function-details/code-view/AnnotatedSource.tsx',
  'src/function-details/code-view/Gap.tsx',
  'src/function-details/code-view/SourceRow.tsx',
  'src/function-details/code-view/WhyNoSource.tsx',
  'src/function-details/compare/CompareControl.tsx',
  'src/function-details/compare/ComparisonTable.tsx',
  'src/function-details/compare/ComparisonView.tsx',
  'src/function-details/compare/LargestChanges.tsx',
  'src/module.tsx',
  'src/settings/AppConfig.tsx',
  'src/side-panel/ResizableSplit.tsx',
  'src/source/overrides/OverrideEditor.tsx',
  'src/source/connection/HostConnection.tsx',
  'src/source/providers/LoginCallbackPage.tsx',
];

export const i18nConfig = [
  {
    files: VIEW_FILES,
    ignores: [...NOT_VIEWS, ...UNTRANSLATED_VIEWS],
    plugins: { '@grafana/i18n': grafanaI18n },
    rules: {
      '@grafana/i18n/no-untranslated-strings': ['error', { calleesToIgnore: ['^css$', '^cx$'] }],
      '@grafana/i18n/no-translation-top-level': 'error',
    },
  },
];
