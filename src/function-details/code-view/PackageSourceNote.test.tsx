import { render, screen } from '@testing-library/react';
import React from 'react';
import { testIds } from '../../testIds';
import { PackageSourceNote } from './PackageSourceNote';

describe('PackageSourceNote', () => {
  it('says which registry, package and version the source came from, with the package page', () => {
    render(
      <PackageSourceNote
        source={{ registry: 'goproxy', name: 'example.org/lib', version: 'v1.2.3', platform: '' }}
        pageUrl="https://pkg.go.dev/example.org/lib@v1.2.3"
      />
    );
    expect(screen.getByTestId(testIds.functionDetails.packageSource)).toHaveTextContent(
      'From the Go module proxy: example.org/lib v1.2.3'
    );
    expect(screen.getByRole('link', { name: /Package page/ })).toHaveAttribute(
      'href',
      'https://pkg.go.dev/example.org/lib@v1.2.3'
    );
  });

  it('names a gem platform, and shows no link when the page was refused by the URL policy', () => {
    render(
      <PackageSourceNote
        source={{ registry: 'rubygems', name: 'nokogiri', version: '1.16.0', platform: 'x86_64-linux' }}
      />
    );
    expect(screen.getByTestId(testIds.functionDetails.packageSource)).toHaveTextContent(
      'From RubyGems: nokogiri 1.16.0 (x86_64-linux)'
    );
    expect(screen.queryByRole('link')).toBeNull();
  });
});
