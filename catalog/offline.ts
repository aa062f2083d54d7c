/**
 * The validator's analyzers that `npm run validate` cannot run here, and why (catalog-i18n-mcp.md §1, from
 * grafana/plugin-validator pkg/analysis/passes at the commit in validator/README.md). Printed on every run.
 */
export const NOT_RUN_OFFLINE: ReadonlyArray<[analyzer: string, why: string]> = [
  ['signature', "checks MANIFEST.txt against Grafana's signing keys, fetched from grafana.com"],
  ['brokenlinks', 'follows every link in README.md and plugin.json (link reachability)'],
  ['osv-scanner', "vulnerability scan of the lockfile against osv.dev (run `npm audit` for npm's own advisories)"],
  [
    'provenance',
    "looks the zip's sha256 up in the repository's GitHub build attestations (the release workflow makes them)",
  ],
  ['published, version', 'compare with the version published on grafana.com'],
  ['legacyplatform, org', 'read grafana.com (Angular detection patterns, the organisation of the plugin id)'],
  ['metadataschema', "downloads Grafana's current schema (here: the vendored copy, validator/plugin.schema.json)"],
  ['safelinks', 'needs a Web Risk API key'],
  ['llmreview, codediff', 'need an LLM key'],
  ['reactcompat', 'fetches @grafana/react-detect with npx'],
  ['virusscan', 'needs ClamAV'],
];
