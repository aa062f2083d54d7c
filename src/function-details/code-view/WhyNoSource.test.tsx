// "Why no source?": the server's attempts, the panel's inputs and the fix, worded through @grafana/i18n, with every
// value from the server shown as it is (text, never markup, never HTML escapes).
import React from 'react';
import { create } from '@bufbuild/protobuf';
import { render, screen, within } from '@testing-library/react';
import { ResolutionAttemptSchema, ResolutionExplanationSchema } from '../../../proto/gen/vcs/v1/vcs_pb';
import { Gap } from './Gap';
import { WhyNoSource } from './WhyNoSource';

const hostile = '<b>bold</b> & <0>zero</0> {{path}} src/a.go';

const explanation = create(ResolutionExplanationSchema, {
  attempts: [
    create(ResolutionAttemptSchema, {
      rule: 'mapping:local',
      repositoryUrl: 'https://github.com/o/r',
      ref: hostile,
      path: 'src/main.go',
      outcome: 'not_found',
    }),
    create(ResolutionAttemptSchema, { rule: 'relative', repositoryUrl: hostile, path: '', outcome: 'forbidden' }),
  ],
  configProblems: ['unknown language "cobol"'],
  configFound: false,
  language: 'java',
});

describe('WhyNoSource', () => {
  it('lists each attempt with its path, repository and ref as text, whatever the server put in them', () => {
    render(
      <WhyNoSource
        message={hostile}
        explanation={explanation}
        inputs={[
          { name: 'repository', value: hostile },
          { name: 'root path', value: '' },
        ]}
      />
    );
    const box = screen.getByTestId('why-no-source');
    expect(box).toHaveTextContent(`The source server could not find this file: ${hostile}`);
    const [first, second] = within(screen.getByTestId('why-no-source-attempts')).getAllByRole('listitem');
    expect(first).toHaveTextContent(`src/main.go in https://github.com/o/r at ${hostile} — mapping:local → not_found`);
    expect(second).toHaveTextContent(`(no path) in ${hostile} — relative → forbidden`);
    expect(
      within(first)
        .getAllByText((_, el) => el?.tagName === 'CODE')
        .map((c) => c.textContent)
    ).toEqual(['src/main.go', 'https://github.com/o/r', hostile]);
    // Markup in a value stays text: no element comes from it.
    expect(box.querySelector('b')).toBeNull();
    expect(within(screen.getByTestId('why-no-source-inputs')).getByText('(empty)')).toBeInTheDocument();
    expect(box).toHaveTextContent('unknown language "cobol"');
    const fix = screen.getByTestId('why-no-source-fix');
    expect(fix).toHaveTextContent('There is no .pyroscope.yaml at the root path');
    expect(fix).toHaveTextContent('Java frames carry class names, not paths');
    expect(within(fix).getByText('service_git_ref').tagName).toBe('CODE');
  });
});

describe('Gap', () => {
  const gap = (from: number, to: number) =>
    render(<Gap item={{ kind: 'gap', from, to }} index={0} top={0} width="100%" className="" />);

  it('says how many lines it hides and which, one line in the singular', () => {
    gap(7, 7);
    expect(screen.getByTestId('code-view-gap')).toHaveTextContent('⋯ 1 line not shown (line 7)');
  });

  it('groups the digits of a long run', () => {
    gap(3, 12_002);
    expect(screen.getByTestId('code-view-gap')).toHaveTextContent('⋯ 12,000 lines not shown (lines 3–12002)');
  });

  it('names the registry, the package and the version a dependency frame was looked up at', () => {
    const tried = create(ResolutionExplanationSchema, {
      attempts: [
        create(ResolutionAttemptSchema, {
          rule: 'registry:npm',
          repositoryUrl: 'the npm registry: chalk',
          ref: '5.3.0',
          path: 'index.js',
          outcome: 'not_found: chalk@5.3.0 is not on the npm registry',
        }),
      ],
      configFound: true,
    });
    render(<WhyNoSource message="not found" explanation={tried} inputs={[]} language="javascript" />);
    const [attempt] = within(screen.getByTestId('why-no-source-attempts')).getAllByRole('listitem');
    expect(attempt).toHaveTextContent(
      'index.js in the npm registry: chalk at 5.3.0 — registry:npm → not_found: chalk@5.3.0 is not on the npm registry'
    );
  });
});
