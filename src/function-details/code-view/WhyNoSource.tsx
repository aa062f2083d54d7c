// "Why no source?": what the server tried (from the ResolutionExplanation it attaches to GetFile's not_found),
// the inputs the panel used, and what would fix it.
import { t, Trans } from '@grafana/i18n';
import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { Stack, Text, useStyles2 } from '@grafana/ui';
import { PLAIN_TEXT } from '../../constants';
import type { ResolutionExplanation } from '../../../proto/gen/vcs/v1/vcs_pb';

export interface WhyNoSourceProps {
  /** The server's message. */
  message: string;
  explanation?: ResolutionExplanation;
  /** What the panel sent: repository, ref, root path, file, function (and where each came from). */
  inputs: Array<{ name: string; value: string }>;
  language?: string;
}

export function WhyNoSource({ message, explanation, inputs, language }: WhyNoSourceProps) {
  const styles = useStyles2(getStyles);
  const lang = explanation?.language || language;
  return (
    <section
      className={styles.box}
      aria-label={t('function-details.why-no-source.why-no-source-aria-label-why-no-source', 'Why no source?')}
      data-testid="why-no-source"
    >
      <Stack direction="column" gap={1}>
        <Text element="h5" weight="medium">
          <Trans i18nKey="function-details.why-no-source.why-no-source">Why no source?</Trans>
        </Text>
        <Text>
          {t(
            'function-details.why-no-source.server-message',
            'The source server could not find this file: {{message}}',
            {
              message,
              interpolation: PLAIN_TEXT,
            }
          )}
        </Text>
        {explanation && explanation.attempts.length > 0 && (
          <div>
            <Text weight="medium">
              <Trans i18nKey="function-details.why-no-source.what-was-tried-in-order">What was tried, in order</Trans>
            </Text>
            <ol className={styles.list} data-testid="why-no-source-attempts">
              {explanation.attempts.map((a, i) => (
                <li key={i}>
                  <Attempt
                    path={a.path || t('function-details.why-no-source.no-path', '(no path)')}
                    repository={a.repositoryUrl}
                    gitRef={a.ref}
                    rule={a.rule}
                    outcome={a.outcome}
                  />
                </li>
              ))}
            </ol>
          </div>
        )}
        {explanation && explanation.configProblems.length > 0 && (
          <div>
            <Text weight="medium">
              <Trans i18nKey="function-details.why-no-source.problems-in-pyroscopeyaml">
                Problems in .pyroscope.yaml
              </Trans>
            </Text>
            <ul className={styles.list}>
              {explanation.configProblems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          </div>
        )}
        <div>
          <Text weight="medium">
            <Trans i18nKey="function-details.why-no-source.what-the-panel-used">What the panel used</Trans>
          </Text>
          <dl className={styles.inputs} data-testid="why-no-source-inputs">
            {inputs.map(({ name, value }) => (
              <React.Fragment key={name}>
                <dt>{name}</dt>
                <dd>
                  <code>{value || t('function-details.why-no-source.empty', '(empty)')}</code>
                </dd>
              </React.Fragment>
            ))}
          </dl>
        </div>
        <div data-testid="why-no-source-fix">
          <Text weight="medium">
            <Trans i18nKey="function-details.why-no-source.how-to-fix-it">How to fix it</Trans>
          </Text>
          <ul className={styles.list}>
            <li>
              <Trans
                i18nKey="function-details.why-no-source.check-labels"
                defaults="Check the labels sent with the profiles: <code>service_repository</code> (the repository URL), <code>service_git_ref</code> (the commit that runs) and <code>service_root_path</code> (where the service lives in the repository). The pen next to Repository sets them for this service while you investigate."
                components={{ code: <code /> }}
              />
            </li>
            {explanation && !explanation.configFound && (
              <li>
                <Trans i18nKey="function-details.why-no-source.no-config">
                  There is no .pyroscope.yaml at the root path: add one to map paths to where the source lives.
                </Trans>
              </li>
            )}
            <li>{fixFor(lang)}</li>
          </ul>
        </div>
      </Stack>
    </section>
  );
}

/**
 * One place the server looked: the path in the repository (at the ref), the rule that led there and what came of it.
 * The server's values go in as elements, not as Trans values, which Trans would interpolate once more.
 */
function Attempt(props: { path: string; repository: string; gitRef: string; rule: string; outcome: string }) {
  const components = {
    path: <code>{props.path}</code>,
    repository: <code>{props.repository}</code>,
    gitRef: <code>{props.gitRef}</code>,
    rule: <>{props.rule}</>,
    outcome: <>{props.outcome}</>,
  };
  return props.gitRef ? (
    <Trans
      i18nKey="function-details.why-no-source.attempt-at"
      defaults="<path/> in <repository/> at <gitRef/> — <rule/> → <outcome/>"
      components={components}
    />
  ) : (
    <Trans
      i18nKey="function-details.why-no-source.attempt"
      defaults="<path/> in <repository/> — <rule/> → <outcome/>"
      components={components}
    />
  );
}

function fixFor(language: string | undefined): React.ReactNode {
  const example = (yaml: string) => <pre className={preClass}>{yaml}</pre>;
  switch (language) {
    case 'java':
      return (
        <>
          <Trans i18nKey="function-details.why-no-source.fix-java">
            Java frames carry class names, not paths: map the package prefix to a directory in .pyroscope.yaml:
          </Trans>
          {example(
            `source_code:\n  mappings:\n    - function_name:\n        - prefix: com/example/shop\n      language: java\n      source:\n        local:\n          path: src/main/java/com/example/shop`
          )}
        </>
      );
    case 'python':
      return (
        <>
          <Trans i18nKey="function-details.why-no-source.fix-python">
            Map the interpreter path prefix of your code to its directory in the repository:
          </Trans>
          {example(
            `source_code:\n  mappings:\n    - path:\n        - prefix: /app\n      language: python\n      source:\n        local:\n          path: src`
          )}
        </>
      );
    default:
      return (
        <>
          <Trans i18nKey="function-details.why-no-source.fix-other">
            Map the path prefix the profiler recorded to where the code lives (another repository works too):
          </Trans>
          {example(
            `source_code:\n  mappings:\n    - path:\n        - prefix: github.com/org/lib\n      language: go\n      source:\n        github:\n          owner: org\n          repo: lib\n          ref: v1.2.3\n          path: ""`
          )}
        </>
      );
  }
}

const preClass = css({ fontSize: 12, margin: '4px 0 0', padding: 8 });

const getStyles = (theme: GrafanaTheme2) => ({
  box: css({
    marginTop: theme.spacing(1),
    padding: theme.spacing(1.5),
    border: `1px solid ${theme.colors.border.weak}`,
    borderRadius: theme.shape.radius.default,
    background: theme.colors.background.secondary,
    color: theme.colors.text.primary,
    minWidth: 0,
    maxWidth: '100%',
    overflowWrap: 'anywhere',
    code: { whiteSpace: 'normal', overflowWrap: 'anywhere' },
    pre: { whiteSpace: 'pre-wrap' },
  }),
  list: css({ margin: theme.spacing(0.5, 0, 0, 2.5), 'li + li': { marginTop: theme.spacing(0.25) } }),
  inputs: css({
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    gap: theme.spacing(0.25, 1.5),
    margin: theme.spacing(0.5, 0, 0),
    dd: { margin: 0, wordBreak: 'break-all' },
    dt: { color: theme.colors.text.secondary },
  }),
});
