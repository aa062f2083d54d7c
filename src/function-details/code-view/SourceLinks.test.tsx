// The links of the selected version: only those the host gives, in order, none branded for a host it is not.
import { render, screen, within } from '@testing-library/react';
import React from 'react';
import { SourceLinks } from './SourceLinks';

describe('SourceLinks', () => {
  it('shows the links there are, in order: file at the line, blame, commit', () => {
    render(
      <SourceLinks
        links={{
          file: 'https://gitlab.com/g/p/-/blob/abc/f.go#L3',
          blame: 'https://gitlab.com/g/p/-/blame/abc/f.go#L3',
          commit: 'https://gitlab.com/g/p/-/commit/abc',
        }}
      />
    );
    expect(screen.getAllByRole('link').map((a) => a.getAttribute('data-testid'))).toEqual([
      'source-link-file',
      'source-link-blame',
      'source-link-commit',
    ]);
    expect(screen.getByTestId('source-link-blame')).toHaveAttribute(
      'href',
      'https://gitlab.com/g/p/-/blame/abc/f.go#L3'
    );
  });

  it('marks the file link with a file icon, not GitHub’s, whatever the host', () => {
    render(<SourceLinks links={{ file: 'https://bitbucket.org/w/r/src/abc/f.go#lines-3' }} />);
    const link = screen.getByTestId('source-link-file');
    expect(within(link).getByTestId('file-alt')).toBeInTheDocument();
    expect(within(link).queryByTestId('github')).not.toBeInTheDocument();
  });

  it('shows nothing without links', () => {
    const { container } = render(<SourceLinks links={{}} />);
    expect(container).toBeEmptyDOMElement();
  });
});
