// Links for the selected version: the file at the line, its blame, the commit.
import React from 'react';
import { type IconName, LinkButton, Stack } from '@grafana/ui';
import type { SourceLinkSet as Links } from '../../source/core/types';

/** In the order they are shown; each test id is `source-link-<kind>`. */
const LINKS: Array<{ kind: keyof Links; icon: IconName; text: string }> = [
  // A neutral file icon: the links may be any Git host's.
  { kind: 'file', icon: 'file-alt', text: 'View file at line' },
  { kind: 'blame', icon: 'history', text: 'Blame' },
  { kind: 'commit', icon: 'code-branch', text: 'Commit' },
];

export function SourceLinks({ links }: { links: Links }) {
  const present = LINKS.filter(({ kind }) => links[kind]);
  if (present.length === 0) {
    return null;
  }
  return (
    <Stack direction="row" gap={1} wrap="wrap">
      {present.map(({ kind, icon, text }) => (
        <LinkButton
          key={kind}
          size="sm"
          variant="secondary"
          icon={icon}
          href={links[kind]}
          target="_blank"
          rel="noreferrer"
          data-testid={`source-link-${kind}`}
        >
          {text}
        </LinkButton>
      ))}
    </Stack>
  );
}
