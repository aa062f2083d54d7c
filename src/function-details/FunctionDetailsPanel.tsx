import React, { useEffect, useId, useMemo, useRef, useState } from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import {
  Alert,
  Badge,
  Button,
  ClipboardButton,
  Combobox,
  IconButton,
  LoadingPlaceholder,
  RadioButtonGroup,
  Stack,
  Text,
  TextLink,
  Tooltip,
  useStyles2,
} from '@grafana/ui';
import { useAsync } from '../flamegraph/useAsync';
import { PyroscopeError } from '../pyroscope/errors';
import { formatShare, formatValue } from './format';
import { LineBreakdown } from './LineBreakdown';
import { useFunctionDetailsLoaders } from './loaders';
import type { FunctionDetails } from './model';
import { describeRepository } from './repository';
import { type CommitSummary, type SourceRequest, useFunctionDetailsSeams } from './seams';
import type { FunctionDetailsTarget } from './target';
import { type VersionChoice, choiceNames, versionChoices } from './versions';
import { testIds } from '../testIds';
import { ComparisonSection, type CompareParam } from './compare/ComparisonSection';

interface Props {
  target: FunctionDetailsTarget;
  onClose: () => void;
  /** The comparison's `compare=` URL parameter, when the page keeps it in its URL. */
  compare?: CompareParam;
}

/** Up to this many versions are offered as radio buttons; more become a dropdown. */
const MAX_RADIO_VERSIONS = 3;

export function FunctionDetailsPanel({ target, onClose, compare }: Props) {
  const styles = useStyles2(getStyles);
  const loaders = useFunctionDetailsLoaders();
  const seams = useFunctionDetailsSeams();
  const [attempt, setAttempt] = useState(0);
  const ids = useId();
  const key = `${JSON.stringify(target)}#${attempt}`;

  // The profile and the version labels are fetched in parallel: the labels only matter if a mapping has no version.
  const details = useAsync<FunctionDetails>(key, async (signal) =>
    loaders.compute(await loaders.loadProfile(target, signal), target.functionName)
  );
  const labels = useAsync(key, (signal) => loaders.loadLabelVersion(target, signal).catch(() => undefined));
  const override = seams.useVersionOverride?.({ datasourceUid: target.datasourceUid, serviceName: target.serviceName });

  const choices = useMemo(() => {
    if (details.status !== 'success') {
      return [];
    }
    const fromLabels = labels.status === 'success' ? labels.value : undefined;
    return versionChoices(details.value, fromLabels, override);
  }, [details, labels, override]);

  const [selectedKey, setSelectedKey] = useState<string>();
  const selected: VersionChoice | undefined = choices.find((c) => c.key === selectedKey) ?? choices[0];

  const fn = selected?.function;
  const sourceRequest: SourceRequest | undefined =
    fn && selected?.version && fn.fileName
      ? {
          vcsDatasourceUid: target.vcsDatasourceUid,
          datasourceUid: target.datasourceUid,
          serviceName: target.serviceName,
          version: selected.version,
          fileName: fn.fileName,
          functionName: fn.functionName,
          startLine: fn.startLine,
          refs: choices
            .filter((c) => c.version?.repository === selected.version?.repository && c.version?.gitRef)
            .map((c) => c.version!.gitRef),
        }
      : undefined;
  const source = seams.useSource(sourceRequest);
  const commits = seams.useCommits?.(sourceRequest);
  const selectedCommit = selected?.version?.gitRef ? commits?.[selected.version.gitRef] : undefined;
  const repository = describeRepository(selected?.version?.repository);
  const unit = details.status === 'success' ? details.value.unit : '';

  // Escape closes the panel; focus moves into it on open so keyboard users land on it, and goes back to where it
  // was (the function picker, the flame graph) when the panel closes.
  const panelRef = useRef<HTMLElement>(null);
  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
    panelRef.current?.focus();
    return () => {
      // Only when focus went down with the panel: a query change that closes it must not pull focus from the picker
      // the user is typing in.
      const lost = !document.activeElement || document.activeElement === document.body;
      if (lost && previous?.isConnected && previous !== document.body) {
        previous.focus();
      }
    };
  }, []);
  const onKeyDown = (e: React.KeyboardEvent) => {
    // An open list inside the panel (the commit combobox) handles Escape itself and only closes the list.
    if (e.key === 'Escape' && !e.isDefaultPrevented()) {
      e.stopPropagation();
      onClose();
    }
  };

  const loading = details.status === 'loading' || details.status === 'idle';
  const callSiteText = describeCallSite(target);
  const RepositoryActions = seams.RepositoryActions;

  return (
    <section
      ref={panelRef}
      tabIndex={-1}
      onKeyDown={onKeyDown}
      className={styles.panel}
      aria-label="Function details"
      data-testid={testIds.functionDetails.panel}
    >
      <Stack direction="row" justifyContent="space-between" alignItems="center">
        <Text element="h3" variant="h4">
          Function details
        </Text>
        <IconButton
          name="times"
          size="lg"
          aria-label="Close function details"
          tooltip="Close function details"
          data-testid={testIds.functionDetails.close}
          onClick={onClose}
        />
      </Stack>

      {details.status === 'error' && (
        <Alert severity="error" title="Couldn’t load function details" data-testid={testIds.functionDetails.error}>
          <div>{details.error.message}</div>
          <div>
            {details.error instanceof PyroscopeError
              ? details.error.hint
              : /Loading chunk|dynamically imported module|worker/i.test(details.error.message)
                ? 'Part of Linescope could not be loaded (it may have been updated meanwhile): reload the page.'
                : 'The profile could not be read. Try again; if it keeps failing, the data source may not be a Pyroscope server.'}
          </div>
          <Button size="sm" variant="secondary" icon="sync" onClick={() => setAttempt((n) => n + 1)}>
            Retry
          </Button>
        </Alert>
      )}

      <dl className={styles.rows}>
        <Row label="Function name" testId={testIds.functionDetails.rowFunctionName}>
          <span className={styles.ellipsis} title={target.functionName}>
            {target.functionName}
          </span>
        </Row>
        <Row
          label="Call site"
          tooltip="The stack the numbers are for: only samples passing through it count"
          testId={testIds.functionDetails.rowCallSite}
        >
          <CallSite text={callSiteText} />
        </Row>
        <Row
          loading={loading}
          label="Start line"
          tooltip="The line where the function's definition starts"
          testId={testIds.functionDetails.rowStartLine}
        >
          {fn?.startLine ? fn.startLine : '–'}
        </Row>
        <Row
          loading={loading}
          label="File"
          tooltip="The source file the profile names for this function"
          testId={testIds.functionDetails.rowFile}
        >
          {fn?.fileName ? <FilePath path={fn.fileName} /> : '–'}
        </Row>
        <Row
          loading={loading}
          label="Repository"
          tooltip="Where this version's source lives: from the profile's build id, or else the service's labels"
          testId={testIds.functionDetails.rowRepository}
        >
          {
            <Stack direction="row" gap={1} alignItems="center" wrap="wrap">
              {repository ? (
                <TextLink href={repository.webUrl} external>
                  {repository.display}
                </TextLink>
              ) : selected?.version?.repository ? (
                <span>{selected.version.repository}</span>
              ) : (
                <Tooltip content="Send the service_repository and service_git_ref labels with the profiles (or the OpenTelemetry vcs.* attributes) so Linescope knows where the source is.">
                  <span>– (unknown)</span>
                </Tooltip>
              )}
              {selected?.origin === 'labels' && (
                <span data-testid={testIds.functionDetails.repositoryFallback}>
                  <Badge
                    color="orange"
                    text="from labels"
                    tooltip={`This profile's build id has no version, so the repository comes from the service's ${
                      labels.status === 'success' ? labels.value?.from.repository : ''
                    } label. It may not match the exact build.`}
                  />
                </span>
              )}
              {selected?.origin === 'override' && <Badge color="purple" text="overridden" />}
              {RepositoryActions && (
                <RepositoryActions
                  request={sourceRequest}
                  repository={repository}
                  origin={selected?.origin ?? 'none'}
                  scope={{
                    datasourceUid: target.datasourceUid,
                    serviceName: target.serviceName,
                    vcsDatasourceUid: target.vcsDatasourceUid,
                  }}
                />
              )}
            </Stack>
          }
        </Row>
        <Row
          loading={loading}
          label="Commit"
          id={`${ids}-commit`}
          tooltip="The versions (pprof mappings) of this function in the profile, with each one's share of its total"
          testId={testIds.functionDetails.rowCommit}
        >
          {choices.length === 0 ? (
            '–'
          ) : (
            <div data-testid={testIds.functionDetails.commitChoice}>
              <CommitChoice
                choices={choices}
                selected={selected?.key}
                unit={unit}
                onChange={setSelectedKey}
                labelledBy={`${ids}-commit`}
                commits={commits}
              />
              {selectedCommit && seams.CommitDetails && <seams.CommitDetails commit={selectedCommit} />}
            </div>
          )}
        </Row>
      </dl>

      {loading && (
        <LoadingPlaceholder
          text="Loading the profile of this call site…"
          data-testid={testIds.functionDetails.loading}
        />
      )}
      {details.status === 'success' && !fn && (
        <Alert severity="info" title="No samples of this function here" data-testid={testIds.functionDetails.empty}>
          {target.functionName === 'other'
            ? '“other” is not a function: Pyroscope groups small nodes under it to keep the flame graph small. Click a named function instead.'
            : 'The profile for this call site has no sample of this function. The data may have changed since the flame graph loaded: refresh the flame graph and try again, or widen the time range.'}
        </Alert>
      )}
      {fn && selected && (
        <ComparisonSection
          target={target}
          details={details.status === 'success' ? details.value : undefined}
          selected={selected}
          choices={choices}
          sourceRequest={sourceRequest}
          source={source}
          unit={unit}
          param={compare}
        >
          <LineBreakdown
            version={fn}
            unit={unit}
            source={source}
            noSourceReason={
              selected?.version
                ? 'connect the repository to see the code beside the numbers.'
                : 'no repository is known for this version (see Repository above).'
            }
          />
        </ComparisonSection>
      )}
    </section>
  );
}

/** The clicked stack, root first; a merged node (sandwich view) covers all its call sites below the shared part. */
function describeCallSite({ callSite, functionName, callSiteCount = 1 }: FunctionDetailsTarget): string {
  const path = callSite.join(' › ');
  if (callSiteCount > 1) {
    return `${functionName} in all ${callSiteCount} call sites${path ? ` under ${path}` : ''}`;
  }
  return path || functionName;
}

/** The file path, its end always in view, with a copy button that says so when the browser refuses to copy. */
function FilePath({ path }: { path: string }) {
  const styles = useStyles2(getStyles);
  const [copyFailed, setCopyFailed] = useState(false);
  return (
    <>
      <Stack direction="row" gap={0.5} alignItems="center">
        <span className={styles.ellipsisLeft} title={path}>
          <bdi>{path}</bdi>
        </span>
        <ClipboardButton
          icon="copy"
          variant="secondary"
          fill="text"
          size="sm"
          aria-label="Copy file path"
          data-testid={testIds.functionDetails.copyFile}
          getText={() => path}
          onClipboardCopy={() => setCopyFailed(false)}
          onClipboardError={() => setCopyFailed(true)}
        >
          Copy
        </ClipboardButton>
      </Stack>
      {copyFailed && (
        <div role="alert" data-testid={testIds.functionDetails.copyFileFailed}>
          <Text variant="bodySmall" color="error">
            The browser did not allow copying. Select the path here and copy it:
          </Text>
          <code className={styles.wrapped}>{path}</code>
        </div>
      )}
    </>
  );
}

/** One line cut at the start (the innermost frames stay in view), full text on hover, and a button to show it all. */
function CallSite({ text }: { text: string }) {
  const styles = useStyles2(getStyles);
  const [expanded, setExpanded] = useState(false);
  return (
    <div className={styles.callSite}>
      <span
        className={expanded ? styles.wrapped : styles.ellipsisLeft}
        title={expanded ? undefined : text}
        data-testid={testIds.functionDetails.callSiteText}
      >
        <bdi>{text}</bdi>
      </span>
      <IconButton
        name={expanded ? 'angle-up' : 'angle-down'}
        size="sm"
        aria-expanded={expanded}
        aria-label={expanded ? 'Show the call site on one line' : 'Show the whole call site'}
        tooltip={expanded ? 'Show the call site on one line' : 'Show the whole call site'}
        onClick={() => setExpanded((e) => !e)}
      />
    </div>
  );
}

function Row({
  label,
  tooltip,
  testId,
  id,
  loading,
  children,
}: {
  label: string;
  tooltip?: string;
  testId: string;
  id?: string;
  /** The value comes from the profile: a placeholder until it is read. */
  loading?: boolean;
  children: React.ReactNode;
}) {
  const styles = useStyles2(getStyles);
  return (
    <div className={styles.row} data-testid={testId}>
      <dt className={styles.label} title={tooltip} id={id}>
        {label}
      </dt>
      <dd className={styles.value}>
        {loading ? <LoadingPlaceholder text="" className={styles.inlineLoading} /> : children}
      </dd>
    </div>
  );
}

function CommitChoice({
  choices,
  selected,
  unit,
  onChange,
  labelledBy,
  commits,
}: {
  choices: Array<Pick<VersionChoice, 'key' | 'version' | 'replaced' | 'share' | 'function'>>;
  selected?: string;
  unit: string;
  onChange: (key: string) => void;
  labelledBy: string;
  /** From GetCommits once connected: author, date and message per ref. */
  commits?: Record<string, CommitSummary>;
}) {
  const styles = useStyles2(getStyles);
  const names = choiceNames(choices);
  const options = choices.map((c, i) => {
    const commit = c.version?.gitRef ? commits?.[c.version.gitRef] : undefined;
    const by = commit
      ? ` · ${commit.login || 'unknown author'}${commit.date ? `, ${commit.date.slice(0, 10)}` : ''}`
      : '';
    return {
      value: c.key,
      label: `${names[i]} · ${formatValue(c.function.total, unit)} (${formatShare(c.share, 1)})${by}`,
      description: commit ? commit.message.split('\n')[0] : c.version?.gitRef,
    };
  });
  if (options.length <= MAX_RADIO_VERSIONS) {
    return (
      <RadioButtonGroup
        size="sm"
        options={options}
        value={selected}
        onChange={(v) => v && onChange(v)}
        className={styles.wrapRadios}
      />
    );
  }
  return (
    <Combobox
      aria-labelledby={labelledBy}
      options={options}
      value={selected ?? null}
      onChange={(v) => onChange(v.value)}
    />
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  panel: css({
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(1.5),
    padding: theme.spacing(2),
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
    background: theme.colors.background.primary,
    '&:focus-visible': { outline: `2px solid ${theme.colors.primary.main}` },
  }),
  rows: css({
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    gap: theme.spacing(0.75, 2),
    margin: 0,
  }),
  row: css({ display: 'contents' }),
  label: css({ color: theme.colors.text.secondary, fontWeight: theme.typography.fontWeightMedium }),
  value: css({ margin: 0, minWidth: 0 }),
  ellipsis: css({ display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }),
  // Long paths keep their end (the file name) visible.
  ellipsisLeft: css({
    display: 'block',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    direction: 'rtl',
    textAlign: 'left',
    minWidth: 0,
    fontFamily: theme.typography.fontFamilyMonospace,
  }),
  callSite: css({ display: 'flex', alignItems: 'flex-start', gap: theme.spacing(0.5), minWidth: 0 }),
  wrapped: css({
    minWidth: 0,
    fontFamily: theme.typography.fontFamilyMonospace,
    overflowWrap: 'anywhere',
    whiteSpace: 'normal',
  }),
  // Many or long versions go onto more lines instead of running out of the panel.
  // In a narrow panel a long one is cut with an ellipsis (the whole text is its title and tooltip).
  wrapRadios: css({
    flexWrap: 'wrap',
    height: 'auto',
    rowGap: 2,
    maxWidth: '100%',
    '& > div': { minWidth: 0, maxWidth: '100%' },
    // Grafana's label is a centring flex box, which cannot show an ellipsis: a plain block can.
    '& label': {
      display: 'block',
      maxWidth: '100%',
      overflow: 'hidden',
      textOverflow: 'ellipsis',
      textAlign: 'left',
    },
  }),
  inlineLoading: css({ marginBottom: 0 }),
});
