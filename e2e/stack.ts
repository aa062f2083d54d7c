// The whole standalone stack, programmatically: GitHub, GitLab, Bitbucket and Azure DevOps doubles (sample repositories), Pyroscope querier double
// (recorded sample profiles), the real Linescope source server in gateway mode, and the Grafana host in front.
// Each part can be replaced by a real one (see StackOptions). Used by `npm start` and the Playwright setup.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promises as fs, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { sampleFrames } from '../samples/frames';
import { createSampleRepos } from '../samples/repos';
import { makeTestCertificates } from './double-server/certificates';
import { createStdlibStandIns } from './git-fixtures';
import { startAzureDevopsDouble, type AzureDevopsDouble } from './azure-devops-double';
import { startBitbucketDouble, type BitbucketDouble } from './bitbucket-double';
import { startGitHubDouble, type GitHubDouble } from './github-double';
import { startGitLabDouble, type GitLabDouble } from './gitlab-double';
import type { HostDataSource } from './host/datasources';
import { startHost, type RunningHost } from './host/server';
import { demoSeries } from './pyroscope-double/demo-profiles';
import { startRegistryDouble, type RegistryDouble } from './registry-doubles';
import {
  recordedGems,
  recordedGoModules,
  recordedMavenArtifacts,
  recordedNpmPackages,
  recordedPythonReleases,
} from './registry-doubles/recorded';
import { startPyroscopeDouble } from './pyroscope-double/server';

const REPO_ROOT = path.resolve(__dirname, '..');
export const SOURCE_SERVER_MAIN = path.join(REPO_ROOT, 'server/dist/main.js');
export const SESSION_COOKIE = 'pyroscope_git_session';
export const GITLAB_SESSION_COOKIE = 'linescope_gitlab_session';
export const BITBUCKET_SESSION_COOKIE = 'linescope_bitbucket_session';
export const AZURE_DEVOPS_SESSION_COOKIE = 'linescope_azure_devops_session';
/** The Azure DevOps project the sample repositories stand in (shop-go-azure's labels name dev.azure.com/linescope-demo/shop). */
const AZURE_DEVOPS_PROJECT = 'shop';

export interface RealGithub {
  /** Web URL (https://github.com or https://<ghe>). */
  url: string;
  /** REST URL; default derived by the source server (api.github.com or <ghe>/api/v3). */
  apiUrl?: string;
  clientId: string;
  clientSecret: string;
}

export interface RealGitlab {
  /** Web URL (https://gitlab.com, or a self-managed instance, possibly under a path). */
  url: string;
  /** REST URL; default <url>/api/v4. */
  apiUrl?: string;
  clientId: string;
  clientSecret: string;
}

export interface RealBitbucket {
  clientId: string;
  clientSecret: string;
}

/** A Microsoft Entra ID app registration with the delegated Azure DevOps permission vso.code. */
export interface RealAzureDevops {
  /** Its directory (tenant) id, or `organizations`. */
  tenantId: string;
  clientId: string;
  clientSecret: string;
}

export interface StackOptions {
  /** Host port (0: any free port) and interface. */
  port?: number;
  host?: string;
  /** Plugin settings, sample git repositories. */
  dataDir: string;
  /** A real Pyroscope instead of the querier double. */
  pyroscopeUrl?: string;
  /** A real GitHub / GitHub Enterprise (an app's credentials) instead of the GitHub double. */
  github?: RealGithub;
  /** A real GitLab (an OAuth application's credentials) instead of the GitLab double. */
  gitlab?: RealGitlab;
  /** Bitbucket Cloud (an OAuth consumer's key and secret) instead of the Bitbucket double. */
  bitbucket?: RealBitbucket;
  /** Azure DevOps Services (an Entra app registration) instead of the Azure DevOps double. */
  azureDevops?: RealAzureDevops;
  /** Session encryption key of the source server (random per run when absent). */
  sessionSecret?: string;
  /** A source server already running (its URL) instead of starting server/dist/main.js. */
  sourceServerUrl?: string;
  /** The URL browsers use for the host, when it differs from http://<host>:<port> (it names the OAuth callback). */
  publicUrl?: string;
  /** The Grafana/React combination of the host (e2e/host/grafana-combinations.ts; default 13.0). */
  grafana?: string;
  /** How soon Grafana's session token needs rotating (default Grafana's 10 minutes; the e2e run uses seconds). */
  tokenRotationIntervalMs?: number;
  log?: (line: string) => void;
}

export interface Stack {
  url: string;
  host: RunningHost;
  pyroscopeUrl: string;
  sourceServerUrl: string;
  githubUrl: string;
  github?: GitHubDouble;
  gitlabUrl: string;
  gitlab?: GitLabDouble;
  bitbucketUrl: string;
  bitbucket?: BitbucketDouble;
  azureDevopsUrl: string;
  azureDevops?: AzureDevopsDouble;
  /** The package registries' double, serving the dependency files the sample profiles name (recorded). */
  registries: RegistryDouble;
  /**
   * With the GitHub double: one line per standard-library stand-in (golang/go, python/cpython, openjdk/jdk17u),
   * what was added from this machine's toolchains or why not.
   */
  standInNotes: string[];
  close(): Promise<void>;
}

/** Starts server/dist/main.js (or `main`) on a free port and resolves to its URL once it logs that it listens. */
export async function startSourceServer(
  env: Record<string, string>,
  log: (line: string) => void,
  main = SOURCE_SERVER_MAIN
): Promise<{ url: string; child: ChildProcess }> {
  await fs.access(main).catch(() => {
    throw new Error(`${path.relative(process.cwd(), main)} is missing: run \`npm run build -w server\` first`);
  });
  const child = spawn(process.execPath, ['--enable-source-maps', main], {
    env: { ...process.env, ...env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the source server did not start within 30 s')), 30000);
    const onLine = (line: string) => {
      log(`[source-server] ${line}`);
      try {
        const entry = JSON.parse(line);
        if (entry.url && /listening/.test(entry.msg ?? '')) {
          clearTimeout(timer);
          resolve(String(entry.url).replace('0.0.0.0', '127.0.0.1').replace('[::]', '127.0.0.1'));
        }
      } catch {
        // not a JSON log line
      }
    };
    // What it says on stderr (e.g. its configuration problems) is what explains an early exit.
    const stderr: string[] = [];
    readline.createInterface({ input: child.stdout! }).on('line', onLine);
    readline.createInterface({ input: child.stderr! }).on('line', (l) => {
      log(`[source-server] ${l}`);
      stderr.push(l);
      stderr.splice(0, stderr.length - 20);
    });
    // 'close' comes after the exit and the end of its output.
    child.once('close', (code) => {
      clearTimeout(timer);
      reject(new Error(`the source server exited with code ${code}${stderr.length ? `:\n${stderr.join('\n')}` : ''}`));
    });
  });
  return { url, child };
}

export async function startStack(opts: StackOptions): Promise<Stack> {
  const log = opts.log ?? (() => undefined);
  const closers: Array<() => Promise<void>> = [];
  const close = async () => {
    for (const c of closers.reverse()) {
      await c().catch(() => undefined);
    }
  };
  try {
    await fs.mkdir(opts.dataDir, { recursive: true });

    // 1. The host first: the OAuth callback URL (of the GitHub App, or the double) is on it. Its data source is added
    // once the source server behind it runs; until then it answers 503 with a page that reloads.
    const datasources: HostDataSource[] = [];
    const host = await startHost({
      port: opts.port ?? 0,
      host: opts.host,
      dataDir: opts.dataDir,
      datasources,
      publicUrl: opts.publicUrl,
      startingUntilReady: true,
      tokenRotationIntervalMs: opts.tokenRotationIntervalMs,
      grafana: opts.grafana,
    });
    closers.push(() => host.close());
    const callbackUrl = `${host.url}/a/linescope-app/github/callback`;

    // 2. GitHub: the double with the sample repositories, or a real one.
    let github: GitHubDouble | undefined;
    let gh: RealGithub;
    let standInNotes: string[] = [];
    // Built afresh on every start (deterministic, so the shas stay the same): the last run's are in the way.
    const reposDir = path.join(opts.dataDir, 'repos');
    const needsRepos = !opts.github || !opts.gitlab || !opts.bitbucket || !opts.azureDevops;
    if (needsRepos) {
      await fs.rm(reposDir, { recursive: true, force: true });
    }
    const repos = needsRepos ? await createSampleRepos(reposDir) : [];
    if (opts.github) {
      gh = opts.github;
    } else {
      // Standard-library frames resolve only if golang/go, python/cpython and openjdk/jdk17u exist on the "GitHub":
      // stand-ins made of the local toolchains' files that the sample profiles name, when this machine has them.
      const standIns = createStdlibStandIns(
        reposDir,
        sampleFrames().map((f) => f.localPath)
      );
      standInNotes = standIns.map((s) => s.note);
      github = await startGitHubDouble({
        repos: [
          ...repos.map((r) => ({ fullName: r.fullName, dir: r.dir, defaultBranch: r.defaultBranch })),
          ...standIns.flatMap((s) =>
            s.repo ? [{ fullName: s.fullName, dir: s.repo.dir, defaultBranch: s.repo.defaultBranch }] : []
          ),
        ],
        callbackUrl,
      });
      closers.push(() => github!.stop());
      gh = { url: github.url, apiUrl: github.apiUrl, clientId: github.clientId, clientSecret: github.clientSecret };
    }

    // 2b. GitLab: the double with the same sample repositories (shop-go-gitlab's labels name gitlab.com), or a real one.
    let gitlab: GitLabDouble | undefined;
    let gl: RealGitlab;
    if (opts.gitlab) {
      gl = opts.gitlab;
    } else {
      gitlab = await startGitLabDouble({
        projects: repos.map((r) => ({ path: r.fullName, dir: r.dir, defaultBranch: r.defaultBranch })),
        redirectUris: [callbackUrl],
      });
      closers.push(() => gitlab!.stop());
      gl = { url: gitlab.url, apiUrl: gitlab.apiUrl, clientId: gitlab.clientId, clientSecret: gitlab.clientSecret };
    }

    // 2c. Bitbucket Cloud: the double with the same sample repositories (shop-go-bitbucket's labels name
    // bitbucket.org), or the real one.
    let bitbucket: BitbucketDouble | undefined;
    let bitbucketEnv: Record<string, string>;
    if (opts.bitbucket) {
      bitbucketEnv = {
        BITBUCKET_CLIENT_ID: opts.bitbucket.clientId,
        BITBUCKET_CLIENT_SECRET: opts.bitbucket.clientSecret,
      };
    } else {
      bitbucket = await startBitbucketDouble({
        repositories: repos.map((r) => ({ fullName: r.fullName, dir: r.dir, mainBranch: r.defaultBranch })),
        callbackUrl,
      });
      closers.push(() => bitbucket!.stop());
      bitbucketEnv = {
        BITBUCKET_URL: bitbucket.url,
        BITBUCKET_API_URL: bitbucket.apiUrl,
        BITBUCKET_CLIENT_ID: bitbucket.clientId,
        BITBUCKET_CLIENT_SECRET: bitbucket.clientSecret,
        // The double stands in for https://bitbucket.org/linescope-demo/shop-go.
        BITBUCKET_REPOSITORY_HOSTS: 'bitbucket.org',
      };
    }

    // 2d. Azure DevOps Services: the double with the same sample repositories in one project (shop-go-azure's labels
    // name dev.azure.com/linescope-demo/shop/_git/shop-go), its Entra endpoints standing in for Microsoft's, or the
    // real ones.
    let azureDevops: AzureDevopsDouble | undefined;
    let azureDevopsEnv: Record<string, string>;
    if (opts.azureDevops) {
      azureDevopsEnv = {
        AZURE_DEVOPS_TENANT_ID: opts.azureDevops.tenantId,
        AZURE_DEVOPS_CLIENT_ID: opts.azureDevops.clientId,
        AZURE_DEVOPS_CLIENT_SECRET: opts.azureDevops.clientSecret,
      };
    } else {
      azureDevops = await startAzureDevopsDouble({
        repositories: repos.map((r) => {
          const [organization, name] = r.fullName.split('/');
          return { organization, project: AZURE_DEVOPS_PROJECT, name, dir: r.dir };
        }),
        redirectUris: [callbackUrl],
      });
      closers.push(() => azureDevops!.stop());
      azureDevopsEnv = {
        AZURE_DEVOPS_URL: azureDevops.url,
        AZURE_DEVOPS_LOGIN_URL: azureDevops.loginUrl,
        AZURE_DEVOPS_TENANT_ID: azureDevops.tenant,
        AZURE_DEVOPS_CLIENT_ID: azureDevops.clientId,
        AZURE_DEVOPS_CLIENT_SECRET: azureDevops.clientSecret,
        // The double stands in for https://dev.azure.com (and so for <org>.visualstudio.com).
        AZURE_DEVOPS_REPOSITORY_HOSTS: 'dev.azure.com',
      };
    }

    // 3. Pyroscope: the querier double over samples/profiles, or a real one.
    let pyroscopeUrl = opts.pyroscopeUrl;
    if (!pyroscopeUrl) {
      const querier = await startPyroscopeDouble({ series: await demoSeries() });
      closers.push(() => querier.close());
      pyroscopeUrl = querier.url;
    }

    // 3b. The package registries: a double serving the real dependency files the samples' frames name, so that the
    // stack shows registry source without contacting any registry.
    // Over https, as a company's own proxy or registry is: the package page links it gives pass the panel's URL
    // policy. The source server trusts the test CA (NODE_EXTRA_CA_CERTS).
    const certificatesDir = mkdtempSync(path.join(os.tmpdir(), 'linescope-registries-tls-'));
    closers.push(async () => rmSync(certificatesDir, { recursive: true, force: true }));
    const { key, cert, caFile } = makeTestCertificates(certificatesDir, ['IP:127.0.0.1']);
    const registries = await startRegistryDouble({
      goModules: recordedGoModules(),
      npmPackages: recordedNpmPackages(),
      pythonReleases: recordedPythonReleases(),
      mavenArtifacts: recordedMavenArtifacts(),
      gems: recordedGems(),
      tls: { key, cert },
    });
    closers.push(() => registries.close());

    // 4. The source server in gateway mode in front of Pyroscope.
    let sourceServerUrl = opts.sourceServerUrl;
    if (!sourceServerUrl) {
      const server = await startSourceServer(
        {
          GITHUB_URL: gh.url,
          ...(gh.apiUrl ? { GITHUB_API_URL: gh.apiUrl } : {}),
          GITHUB_CLIENT_ID: gh.clientId,
          GITHUB_CLIENT_SECRET: gh.clientSecret,
          GITHUB_SESSION_SECRET: opts.sessionSecret ?? randomBytes(32).toString('base64'),
          GITHUB_CALLBACK_URL: callbackUrl,
          // The samples' labels say https://github.com/linescope-demo/…; the double stands in for that host.
          ...(github ? { GITHUB_REPOSITORY_HOSTS: 'github.com' } : {}),
          GITLAB_URL: gl.url,
          ...(gl.apiUrl ? { GITLAB_API_URL: gl.apiUrl } : {}),
          GITLAB_CLIENT_ID: gl.clientId,
          GITLAB_CLIENT_SECRET: gl.clientSecret,
          // Likewise https://gitlab.com/linescope-demo/shop-go for the GitLab double.
          ...(gitlab ? { GITLAB_REPOSITORY_HOSTS: 'gitlab.com' } : {}),
          ...bitbucketEnv,
          ...azureDevopsEnv,
          PYROSCOPE_URL: pyroscopeUrl,
          ...registries.env,
          NODE_EXTRA_CA_CERTS: caFile,
          LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
        },
        log
      );
      closers.push(
        () =>
          new Promise<void>((resolve) => {
            if (server.child.exitCode !== null) {
              return resolve();
            }
            server.child.once('exit', () => resolve());
            server.child.kill('SIGTERM');
          })
      );
      sourceServerUrl = server.url;
    }

    // The Pyroscope data source points at the source server, which serves vcs.v1 and streams querier.v1 on.
    datasources.push({
      id: 1,
      uid: 'pyroscope',
      name: 'Pyroscope',
      type: 'grafana-pyroscope-datasource',
      url: sourceServerUrl,
      isDefault: true,
      jsonData: {
        keepCookies: [SESSION_COOKIE, GITLAB_SESSION_COOKIE, BITBUCKET_SESSION_COOKIE, AZURE_DEVOPS_SESSION_COOKIE],
        minStep: '15s',
      },
    });
    host.ready();
    return {
      url: host.url,
      host,
      pyroscopeUrl,
      sourceServerUrl,
      githubUrl: gh.url,
      github,
      gitlabUrl: gl.url,
      gitlab,
      bitbucketUrl: bitbucket?.url ?? 'https://bitbucket.org',
      bitbucket,
      azureDevopsUrl: azureDevops?.url ?? 'https://dev.azure.com',
      azureDevops,
      registries,
      standInNotes,
      close,
    };
  } catch (e) {
    await close();
    throw e;
  }
}
