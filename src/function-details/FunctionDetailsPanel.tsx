import { t, Trans } from '@grafana/i18n';
import React, { useId, useRef } from 'react';
import { Alert, Button, IconButton, LoadingPlaceholder, Stack, Text, useStyles2 } from '@grafana/ui';
import { noSourceSentence, whyNoSourceFile } from '../domain/noSource';
import { profileFailureHint } from '../domain/profileFailure';
import { describeCallSite, type FunctionDetailsTarget } from '../domain/target';
import { testIds } from '../testIds';
import { CommitChoice, CommitDetails } from './CommitChoice';
import { type CompareParam, ComparisonSection } from './compare/ComparisonSection';
import { CallSite, FilePath, Row } from './DetailRow';
import { LineBreakdown } from './LineBreakdown';
import { useBlameColumn } from './blame/useBlameColumn';
import { useHistoryColumn } from './history/useHistoryColumn';
import { TruncationNotice } from './TruncationNotice';
import { getPanelStyles as getStyles } from './panelStyles';
import { RepositoryValue } from './RepositoryValue';
import { useFunctionDetails } from './useFunctionDetails';
import { usePanelFocus } from './usePanelFocus';
import { Breadcrumb } from './calls/Breadcrumb';
import { CalledFrom } from './calls/CallLists';
import { type PanelNavigation, panelEntryOf } from './calls/navigation';
import { historyKeyHandler } from './calls/useCallNavigation';
import { keptVersionKey, usePanelCalls } from './calls/usePanelCalls';

interface Props {
  target: FunctionDetailsTarget;
  onClose: () => void;
  /** Where the panel is in the call graph walk: without it, no callers, callees or breadcrumb. */
  navigation?: PanelNavigation;
  /** The comparison's `compare=` URL parameter, when the page keeps it in its URL. */
  compare?: CompareParam;
}

export function FunctionDetailsPanel({ target, onClose, navigation, compare }: Props) {
  const styles = useStyles2(getStyles);
  const ids = useId();
  const { data, actions } = useFunctionDetails(target, (choices) => keptVersionKey(choices, navigation?.entry.version));
  const { profile, labels, choices, selected, fn, unit, repository, sourceRequest, source, commits, selectedCommit } =
    data;
  const panelRef = useRef<HTMLElement>(null);
  const onFocusKeyDown = usePanelFocus(panelRef, onClose);
  const historyKeys = navigation && historyKeyHandler(navigation.trail, navigation.actions.go);
  const onKeyDown = (e: React.KeyboardEvent) => {
    historyKeys?.(e);
    onFocusKeyDown(e);
  };
  const selectVersion = (key: string) => {
    actions.selectVersion(key);
    const version = choices.find((c) => c.key === key)?.version;
    navigation?.actions.chooseVersion(version && { repository: version.repository, gitRef: version.gitRef });
  };
  const calls = usePanelCalls({
    fn,
    entry: navigation?.entry ?? panelEntryOf(target),
    version: selected?.version,
    onOpen: (entry) => navigation?.actions.open(entry),
  });
  const blame = useBlameColumn(sourceRequest?.vcsDataSourceUid, source);
  const loading = profile.status === 'loading';
  // After the panel's own profile: the history never competes with the numbers.
  const history = useHistoryColumn(target, fn?.fileName, unit, profile.status === 'success' && !!fn);

  return (
    <section
      ref={panelRef}
      tabIndex={-1}
      onKeyDown={onKeyDown}
      className={styles.panel}
      aria-label={t('function-details.function-details-panel.aria-label-function-details', 'Function details')}
      data-testid={testIds.functionDetails.panel}
    >
      <Stack direction="row" justifyContent="space-between" alignItems="center">
        <Text element="h3" variant="h4">
          <Trans i18nKey="function-details.function-details-panel.function-details">Function details</Trans>
        </Text>
        <IconButton
          name="times"
          size="lg"
          aria-label={t(
            'function-details.function-details-panel.aria-label-close-function-details',
            'Close function details'
          )}
          tooltip={t(
            'function-details.function-details-panel.tooltip-close-function-details',
            'Close function details'
          )}
          data-testid={testIds.functionDetails.close}
          onClick={onClose}
        />
      </Stack>
      {navigation && <Breadcrumb trail={navigation.trail} onGo={navigation.actions.go} />}

      {profile.status === 'error' && (
        <Alert
          severity="error"
          title={t(
            'function-details.function-details-panel.title-couldnt-load-function-details',
            'Couldn’t load function details'
          )}
          data-testid={testIds.functionDetails.error}
        >
          <div>{profile.error.message}</div>
          <div>{profileFailureHint(profile.error)}</div>
          <Button size="sm" variant="secondary" icon="sync" onClick={actions.retry}>
            <Trans i18nKey="function-details.function-details-panel.retry">Retry</Trans>
          </Button>
        </Alert>
      )}

      <dl className={styles.rows}>
        <Row
          label={t('function-details.function-details-panel.label-function-name', 'Function name')}
          testId={testIds.functionDetails.rowFunctionName}
        >
          <span className={styles.ellipsis} title={target.functionName}>
            {target.functionName}
          </span>
        </Row>
        <Row
          label={t('function-details.function-details-panel.label-call-site', 'Call site')}
          tooltip={t(
            'function-details.function-details-panel.tooltip-call-site',
            'The stack the numbers are for: only samples passing through it count'
          )}
          testId={testIds.functionDetails.rowCallSite}
        >
          <CallSite text={describeCallSite(target)} />
        </Row>
        <Row
          loading={loading}
          label={t('function-details.function-details-panel.label-start-line', 'Start line')}
          tooltip={t(
            'function-details.function-details-panel.tooltip-where-functions-definition-starts',
            "The line where the function's definition starts"
          )}
          testId={testIds.functionDetails.rowStartLine}
        >
          {fn?.startLine ? fn.startLine : <NotKnown />}
        </Row>
        <Row
          loading={loading}
          label={t('function-details.function-details-panel.label-file', 'File')}
          tooltip={t(
            'function-details.function-details-panel.tooltip-source-profile-names-function',
            'The source file the profile names for this function'
          )}
          testId={testIds.functionDetails.rowFile}
        >
          {fn?.fileName ? <FilePath path={fn.fileName} /> : <NotKnown />}
        </Row>
        <Row
          loading={loading}
          label={t('function-details.function-details-panel.label-repository', 'Repository')}
          tooltip={t(
            'function-details.function-details-panel.tooltip-repository',
            "Where this version's source lives: from the profile's build id, or else the service's labels"
          )}
          testId={testIds.functionDetails.rowRepository}
        >
          <RepositoryValue
            target={target}
            selected={selected}
            repository={repository}
            hosts={data.hosts}
            labels={labels}
            sourceRequest={sourceRequest}
          />
        </Row>
        <Row
          loading={loading}
          label={t('function-details.function-details-panel.label-commit', 'Commit')}
          id={`${ids}-commit`}
          tooltip={t(
            'function-details.function-details-panel.tooltip-commit',
            "The versions (pprof mappings) of this function in the profile, with each one's share of its total"
          )}
          testId={testIds.functionDetails.rowCommit}
        >
          {choices.length === 0 ? (
            <NotKnown />
          ) : (
            <div data-testid={testIds.functionDetails.commitChoice}>
              <CommitChoice
                choices={choices}
                selected={selected?.key}
                unit={unit}
                onChange={selectVersion}
                labelledBy={`${ids}-commit`}
                commits={commits}
              />
              {selectedCommit && <CommitDetails commit={selectedCommit} />}
            </div>
          )}
        </Row>
      </dl>

      {loading && (
        <LoadingPlaceholder
          text={t(
            'function-details.function-details-panel.text-loading-profile',
            'Loading the profile of this call site…'
          )}
          data-testid={testIds.functionDetails.loading}
        />
      )}
      {profile.status === 'success' && <TruncationNotice details={profile.details} />}
      {profile.status === 'success' && !fn && (
        <Alert
          severity="info"
          title={t(
            'function-details.function-details-panel.title-no-samples-of-this-function-here',
            'No samples of this function here'
          )}
          data-testid={testIds.functionDetails.empty}
        >
          {target.functionName === 'other' ? (
            <Trans i18nKey="function-details.function-details-panel.other-is-not-a-function">
              “other” is not a function: Pyroscope groups small nodes under it to keep the flame graph small. Click a
              named function instead.
            </Trans>
          ) : (
            <Trans i18nKey="function-details.function-details-panel.no-sample-of-this-function">
              The profile for this call site has no sample of this function. The data may have changed since the flame
              graph loaded: refresh the flame graph and try again, or widen the time range.
            </Trans>
          )}
        </Alert>
      )}
      {fn?.calls && navigation && (
        <CalledFrom calls={fn.calls} functionTotal={fn.total} unit={unit} onOpenCaller={calls.actions.openCaller} />
      )}
      {fn && selected && (
        <ComparisonSection
          target={target}
          details={profile.status === 'success' ? profile.details : undefined}
          selected={selected}
          choices={choices}
          sourceRequest={sourceRequest}
          source={source}
          unit={unit}
          param={compare}
        >
          <LineBreakdown
            onRetrySource={actions.retrySource}
            blame={blame}
            history={history}
            calls={navigation && { ...calls, unit }}
            version={fn}
            unit={unit}
            source={source}
            noSourceReason={
              whyNoSourceFile(fn.functionName, fn.fileName)
                ? noSourceSentence(whyNoSourceFile(fn.functionName, fn.fileName)!)
                : selected?.version
                  ? t(
                      'function-details.function-details-panel.no-source-connect',
                      'connect the repository to see the code beside the numbers.'
                    )
                  : t(
                      'function-details.function-details-panel.no-source-no-repository',
                      'no repository is known for this version (see Repository above).'
                    )
            }
          />
        </ComparisonSection>
      )}
    </section>
  );
}

/** A row whose value is not known (yet). */
function NotKnown() {
  return <>–</>;
}
