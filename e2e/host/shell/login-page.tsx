// Grafana's signed-out state: its login page (public/app/core/components/Login/LoginPage.tsx), reduced to one link per
// host user. The server sends a browser here when its session ended; signing in returns to where it was (the
// server keeps that in the HttpOnly redirect_to cookie, as Grafana does).
import { Alert, LinkButton, Stack } from '@grafana/ui';
import React from 'react';

const USERS = [
  { login: 'admin', label: 'Admin (org Admin, Grafana server admin)' },
  { login: 'viewer', label: 'Viewer' },
  { login: 'serveradmin', label: 'Grafana server admin, Viewer in the org' },
  { login: 'norole', label: 'No org role' },
];

export function LoginPage() {
  return (
    <div data-testid="host-login" style={{ maxWidth: 480, margin: '48px auto' }}>
      <h1>Welcome to Grafana</h1>
      <Alert severity="info" title="You are signed out">
        Your Grafana session has ended. Sign in to continue.
      </Alert>
      <Stack direction="column" gap={1}>
        {USERS.map((u) => (
          <LinkButton key={u.login} href={`/login/as/${u.login}`} variant="secondary" fill="outline">
            Sign in as {u.label}
          </LinkButton>
        ))}
      </Stack>
    </div>
  );
}
