import React from 'react';
import { Alert } from '@grafana/ui';

// The GitHub OAuth popup lands on /a/linescope-app/github/callback (the callback URL registered on the GitHub App).
// The page that hands the code back to the opener is issue 6's (src/github/): it replaces this element in App.tsx.
export function GitHubCallbackRoute() {
  return (
    <Alert severity="info" title="GitHub sign-in">
      This page receives GitHub’s answer when you connect a repository from the Function details panel. You can close
      this window.
    </Alert>
  );
}
