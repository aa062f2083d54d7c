// `npm start`: the standalone stack on http://127.0.0.1:3000 until Ctrl-C. Switches (environment):
//   PORT, HOST                      where the host listens (default 127.0.0.1:3000)
//   PUBLIC_URL                      the URL browsers use, if not http://HOST:PORT (it names the OAuth callback)
//   LINESCOPE_DATA_DIR              plugin settings and sample repositories (default e2e/.data)
//   PYROSCOPE_URL                   a real Pyroscope instead of the querier double
//   GITHUB_URL, GITHUB_API_URL,     a real GitHub / GitHub Enterprise instead of the GitHub double
//   GITHUB_CLIENT_ID, GITHUB_CLIENT_SECRET   (its GitHub App's credentials; callback <host>/a/linescope-app/github/callback)
//   GITLAB_URL, GITLAB_API_URL,     a real GitLab (gitlab.com or self-managed) instead of the GitLab double
//   GITLAB_CLIENT_ID, GITLAB_CLIENT_SECRET   (its OAuth application, scope read_api; same callback URL)
//   BITBUCKET_CLIENT_ID, BITBUCKET_CLIENT_SECRET   Bitbucket Cloud (its OAuth consumer; same callback URL) instead
//                                   of the Bitbucket double
//   AZURE_DEVOPS_TENANT_ID,         Azure DevOps Services (a Microsoft Entra ID app registration with the delegated
//   AZURE_DEVOPS_CLIENT_ID, AZURE_DEVOPS_CLIENT_SECRET   Azure DevOps permission vso.code; same callback URL) instead
//                                   of the Azure DevOps double
//   GITHUB_SESSION_SECRET           the source server's session key (random per run when unset)
//   SOURCE_SERVER_URL               a source server already running instead of server/dist/main.js
//   LINESCOPE_GRAFANA               the host's Grafana/React combination: 13.0 (default, React 18) or 13.2 (React 19;
//                                   build its shell first: npx tsx e2e/host/build-shell.ts --grafana 13.2)
import path from 'node:path';
import { startStack } from './stack';

async function main() {
  const env = process.env;
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT=${env.PORT} is not a port number`);
  }
  let github;
  if (env.GITHUB_URL || env.GITHUB_CLIENT_ID) {
    if (!env.GITHUB_CLIENT_ID || !env.GITHUB_CLIENT_SECRET) {
      throw new Error('a real GitHub needs GITHUB_CLIENT_ID and GITHUB_CLIENT_SECRET (from its GitHub App) as well as GITHUB_URL');
    }
    github = { url: (env.GITHUB_URL ?? 'https://github.com').replace(/\/+$/, ''), apiUrl: env.GITHUB_API_URL, clientId: env.GITHUB_CLIENT_ID, clientSecret: env.GITHUB_CLIENT_SECRET };
  }
  let gitlab;
  if (env.GITLAB_URL || env.GITLAB_CLIENT_ID) {
    if (!env.GITLAB_CLIENT_ID || !env.GITLAB_CLIENT_SECRET) {
      throw new Error('a real GitLab needs GITLAB_CLIENT_ID and GITLAB_CLIENT_SECRET (from its OAuth application) as well as GITLAB_URL');
    }
    gitlab = { url: (env.GITLAB_URL ?? 'https://gitlab.com').replace(/\/+$/, ''), apiUrl: env.GITLAB_API_URL, clientId: env.GITLAB_CLIENT_ID, clientSecret: env.GITLAB_CLIENT_SECRET };
  }
  let bitbucket;
  if (env.BITBUCKET_CLIENT_ID || env.BITBUCKET_CLIENT_SECRET) {
    if (!env.BITBUCKET_CLIENT_ID || !env.BITBUCKET_CLIENT_SECRET) {
      throw new Error('Bitbucket Cloud needs BITBUCKET_CLIENT_ID and BITBUCKET_CLIENT_SECRET (its OAuth consumer\'s key and secret)');
    }
    bitbucket = { clientId: env.BITBUCKET_CLIENT_ID, clientSecret: env.BITBUCKET_CLIENT_SECRET };
  }
  let azureDevops;
  if (env.AZURE_DEVOPS_CLIENT_ID || env.AZURE_DEVOPS_CLIENT_SECRET) {
    if (!env.AZURE_DEVOPS_CLIENT_ID || !env.AZURE_DEVOPS_CLIENT_SECRET) {
      throw new Error('Azure DevOps needs AZURE_DEVOPS_CLIENT_ID and AZURE_DEVOPS_CLIENT_SECRET (its Entra app registration\'s client id and secret)');
    }
    azureDevops = { tenantId: env.AZURE_DEVOPS_TENANT_ID || 'organizations', clientId: env.AZURE_DEVOPS_CLIENT_ID, clientSecret: env.AZURE_DEVOPS_CLIENT_SECRET };
  }
  const verbose = env.LINESCOPE_VERBOSE === '1';
  const stack = await startStack({
    port,
    host: env.HOST ?? '127.0.0.1',
    dataDir: path.resolve(env.LINESCOPE_DATA_DIR ?? path.join(__dirname, '.data')),
    pyroscopeUrl: env.PYROSCOPE_URL || undefined,
    github,
    gitlab,
    bitbucket,
    azureDevops,
    sessionSecret: env.GITHUB_SESSION_SECRET || undefined,
    sourceServerUrl: env.SOURCE_SERVER_URL || undefined,
    publicUrl: env.PUBLIC_URL || undefined,
    grafana: env.LINESCOPE_GRAFANA || undefined,
    log: (line) => {
      if (verbose || /"level":(40|50|60)/.test(line)) {
        console.log(line);
      }
    },
  });
  console.log(`
Linescope is running.

  Open ${stack.url}/a/linescope-app        (signed in as an Admin; the top bar switches to a Viewer)
  Settings ${stack.url}/plugins/linescope-app?page=configuration

  Pyroscope       ${stack.pyroscopeUrl}${env.PYROSCOPE_URL ? '' : '  (querier double: samples/profiles)'}
  Source server   ${stack.sourceServerUrl}  (gateway mode, data source "Pyroscope")
  GitHub          ${stack.githubUrl}${github ? '' : '  (double: linescope-demo/shop-go, shop-python, shop-java)'}${standInLines(stack.standInNotes)}
  GitLab          ${stack.gitlabUrl}${gitlab ? '' : '  (double: linescope-demo/shop-go, shop-python, shop-java; service shop-go-gitlab)'}
  Bitbucket       ${stack.bitbucketUrl}${bitbucket ? '' : '  (double: linescope-demo/shop-go, shop-python, shop-java; service shop-go-bitbucket)'}
  Azure DevOps    ${stack.azureDevopsUrl}${azureDevops ? '' : '  (double: linescope-demo/shop/_git/shop-go, shop-python, shop-java; service shop-go-azure)'}

Press Ctrl-C to stop.`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      return;
    }
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    stack.close().then(
      () => process.exit(0),
      () => process.exit(1)
    );
    setTimeout(() => process.exit(1), 10000).unref();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

/** Which standard-library repositories the GitHub double serves, and what it means for the ones it lacks. */
function standInLines(notes: string[]): string {
  if (notes.length === 0) {
    return '';
  }
  const lines = notes.map((n) => `\n                    ${n}`).join('');
  const missing = notes.some((n) => n.includes('not added'));
  return (
    `\n  Standard library (stand-ins made of this machine's toolchain files):${lines}` +
    (missing ? '\n                    Frames of a library not added show "Why no source?" in Function details.' : '')
  );
}

main().catch((e) => {
  if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    console.error(`linescope start: port ${process.env.PORT ?? 3000} is taken; choose another, e.g. PORT=3100 npm start`);
    process.exit(1);
  }
  console.error(`linescope start: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
