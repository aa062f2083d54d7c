// Links for the selected version: the file at the line, its blame, the commit.
import React from 'react';
import { LinkButton, Stack } from '@grafana/ui';
import type { SourceLinks as Links } from '../vcs/repositoryUrl';

export function SourceLinks({ links }: { links: Links }) {
  if (!links.file && !links.blame && !links.commit) {
    return null;
  }
  return (
    <Stack direction="row" gap={1} wrap="wrap">
      {links.file && (
        <LinkButton
          size="sm"
          variant="secondary"
          icon="github"
          href={links.file}
          target="_blank"
          rel="noreferrer"
          data-testid="source-link-file"
        >
          View file at line
        </LinkButton>
      )}
      {links.blame && (
        <LinkButton
          size="sm"
          variant="secondary"
          icon="history"
          href={links.blame}
          target="_blank"
          rel="noreferrer"
          data-testid="source-link-blame"
        >
          Blame
        </LinkButton>
      )}
      {links.commit && (
        <LinkButton
          size="sm"
          variant="secondary"
          icon="code-branch"
          href={links.commit}
          target="_blank"
          rel="noreferrer"
          data-testid="source-link-commit"
        >
          Commit
        </LinkButton>
      )}
    </Stack>
  );
}
