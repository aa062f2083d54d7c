// A hostile source server, as anyone who controls the vcs.v1 data source (or the network path to it) could be: its
// answers pass through the browser's routes, changed on the way, so the real stack still does the rest (login,
// session, the file's content). Test code only: the product never sees anything but what arrives over the network.
import type { BrowserContext, Dialog, Route } from '@playwright/test';
import { gzipSync } from 'node:zlib';

const VCS = '**/api/datasources/proxy/uid/*/vcs.v1.VCSService/';

export const SCRIPT_URL = 'javascript:alert(document.domain)//https://github.com/linescope-demo/shop-go/blob/main/x.go';

/** Every dialog (alert, confirm, prompt) any page or popup of the context opens, dismissed and recorded. */
export function watchDialogs(context: BrowserContext): string[] {
  const seen: string[] = [];
  const watch = (dialog: Dialog) => {
    seen.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  };
  context.pages().forEach((p) => p.on('dialog', watch));
  context.on('page', (p) => p.on('dialog', watch));
  return seen;
}

/** GithubApp names this authorize page (a javascript: URL, another scheme…). Returns how often it answered. */
export async function hostileGithubApp(context: BrowserContext, authorizeURL: string): Promise<{ calls: number }> {
  const counter = { calls: 0 };
  await context.route(`${VCS}GithubApp`, (route) => {
    counter.calls++;
    return route.fulfill({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({ clientID: 'hostile', callbackURL: '', authorizeURL, pkce: true }),
    });
  });
  return counter;
}

/** The real answer with its JSON changed by `edit`. */
async function edited(route: Route, edit: (body: Record<string, unknown>) => void) {
  const response = await route.fetch();
  if (!response.ok()) {
    return route.fulfill({ response });
  }
  const body = (await response.json()) as Record<string, unknown>;
  edit(body);
  return route.fulfill({ response, body: JSON.stringify(body) });
}

/**
 * GetFile's URL and every GetCommits commit page and author avatar replaced by script and data URLs. Returns how
 * often each answer was changed, so a test shows the hostile answers reached the panel.
 */
export async function hostileSourceAnswers(context: BrowserContext): Promise<{ files: number; commits: number }> {
  const counter = { files: 0, commits: 0 };
  await context.route(`${VCS}GetFile`, (route) =>
    edited(route, (body) => {
      counter.files++;
      body.URL = SCRIPT_URL;
    })
  );
  await context.route(`${VCS}GetCommits`, (route) =>
    edited(route, (body) => {
      counter.commits++;
      for (const commit of (body.commits ?? []) as Array<Record<string, unknown>>) {
        commit.URL = 'JaVaScRiPt:alert(document.domain)';
        commit.author = { ...(commit.author as object), avatarURL: 'data:image/svg+xml,<svg onload="alert(1)"/>' };
      }
    })
  );
  return counter;
}

/**
 * SelectMergeProfile answers a gzip bomb: 256 MiB of zeros in about 255 KB, its trailer claiming 1 KB, so that only
 * a limit on the inflate's output (not the declared size) stops it. Returns how often it answered.
 */
export async function gzipBombProfile(context: BrowserContext): Promise<{ calls: number }> {
  const bomb = gzipSync(Buffer.alloc(256 * 1024 * 1024), { level: 9 });
  bomb.writeUInt32LE(1024, bomb.length - 4);
  const counter = { calls: 0 };
  await context.route('**/querier.v1.QuerierService/SelectMergeProfile', (route) => {
    counter.calls++;
    return route.fulfill({ status: 200, contentType: 'application/proto', body: bomb });
  });
  return counter;
}
