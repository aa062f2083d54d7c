import React from 'react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { testIds } from '../../../testIds';
import { SuspectCommits } from './SuspectCommits';

const V100 = 'a'.repeat(40);
const V110 = 'c'.repeat(40);
const commit = {
  sha: V110,
  title: 'index the catalog once',
  authorName: 'Cy',
  date: Date.UTC(2026, 1, 2),
  url: `https://github.com/linescope-demo/shop-go/commit/${V110}`,
  changeRequest: { number: 4, title: 'index', url: 'https://github.com/linescope-demo/shop-go/pull/4' },
};

it('ranks the suspect commits with their link, title, author, the lines they touched and what those gained', () => {
  const onSelectLine = jest.fn();
  render(
    <SuspectCommits
      baselineRef={V100}
      comparisonRef={V110}
      onSelectLine={onSelectLine}
      state={{
        status: 'loaded',
        data: {
          kind: 'suspects',
          truncated: false,
          unmatched: [
            { line: 30, gained: 0.072 },
            { line: 27, gained: 0.028 },
          ],
          suspects: [
            {
              commit,
              gained: 0.0095,
              lines: [
                { line: 16, gained: 0.0085 },
                { line: 17, gained: 0.001 },
              ],
            },
          ],
        },
      }}
    />
  );
  const section = screen.getByTestId(testIds.compare.suspects);
  const item = within(section).getByRole('listitem');
  expect(within(item).getByRole('link', { name: 'ccccccc' })).toHaveAttribute('href', commit.url);
  expect(within(item).getByRole('link', { name: '#4' })).toHaveAttribute('href', commit.changeRequest.url);
  expect(item).toHaveTextContent('index the catalog once');
  expect(item).toHaveTextContent(/Cy · .* ago · gained \+0\.9 pp/);
  fireEvent.click(within(item).getByRole('button', { name: '16 (+0.9 pp)' }));
  expect(onSelectLine).toHaveBeenCalledWith('line:16');
  expect(section).toHaveTextContent(
    'Also hotter, but not changed between aaaaaaa and ccccccc (data, configuration or callees): lines 30, 27.'
  );
});

it('says the regression is not in this function’s code when no hotter line changed between the commits', () => {
  render(
    <SuspectCommits
      baselineRef={V100}
      comparisonRef={V110}
      onSelectLine={jest.fn()}
      state={{ status: 'loaded', data: { kind: 'no-change', truncated: false, hotter: [{ line: 30, gained: 0.07 }] } }}
    />
  );
  expect(screen.getByTestId(testIds.compare.suspects)).toHaveTextContent(
    /No line that got hotter was changed between aaaaaaa and ccccccc: the regression is not in this function’s code/
  );
});

it('shows its own loading and error states, and nothing when both sides ran the same commit', () => {
  const { rerender } = render(
    <SuspectCommits
      baselineRef="v1.0.0"
      comparisonRef="v1.1.0"
      onSelectLine={jest.fn()}
      state={{ status: 'loading' }}
    />
  );
  expect(screen.getByTestId(testIds.compare.suspects)).toHaveTextContent('between v1.0.0 and v1.1.0');
  rerender(
    <SuspectCommits
      baselineRef="v1.0.0"
      comparisonRef="v1.1.0"
      onSelectLine={jest.fn()}
      state={{ status: 'error', error: new Error('rate limit') }}
    />
  );
  expect(screen.getByTestId(testIds.compare.suspects)).toHaveTextContent('could not be read: rate limit');
  rerender(<SuspectCommits onSelectLine={jest.fn()} state={{ status: 'off' }} />);
  expect(screen.queryByTestId(testIds.compare.suspects)).toBeNull();
});

it("offers the host's blame page where the host's API has no blame, naming the host when it is known", () => {
  const blamePage = `https://bitbucket.org/acme/shop/annotate/${V110}/work.go#lines-16`;
  const { rerender } = render(
    <SuspectCommits
      baselineRef={V100}
      comparisonRef={V110}
      blamePage={blamePage}
      onSelectLine={jest.fn()}
      state={{ status: 'no-blame', host: 'Bitbucket' }}
    />
  );
  const section = screen.getByTestId(testIds.compare.suspects);
  expect(section).toHaveTextContent(
    "Suspect commitsSuspect commits are found through blame. The Bitbucket API has no blame: open the blame on Bitbucket"
  );
  expect(within(section).getByRole('link', { name: 'open the blame on Bitbucket' })).toHaveAttribute(
    'href',
    blamePage
  );
  expect(section).not.toHaveTextContent(/could not be read|configured/);
  // After an `unimplemented` answer the host is not named; without a page there is no link.
  rerender(
    <SuspectCommits baselineRef={V100} comparisonRef={V110} onSelectLine={jest.fn()} state={{ status: 'no-blame' }} />
  );
  expect(section).toHaveTextContent(/found through blame\. This host's API has no blame$/);
  expect(within(section).queryByRole('link')).toBeNull();
});
