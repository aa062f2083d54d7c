/**
 * Pyroscope's own vcs.v1 service as the source-server benchmark's reference: a real Pyroscope (PYROSCOPE_BIN, built
 * elsewhere from grafana/pyroscope; nothing here builds it) with its GitHub integration on, whose fixed GitHub
 * addresses reach the GitHub double through a TLS proxy with a test CA (HTTPS_PROXY, SSL_CERT_FILE). Each frame is
 * asked of it with GetFile and the double counts the GitHub calls that one request made.
 *
 * Recording (for CI, which has no Pyroscope binary): PYROSCOPE_BIN=… npx tsx bench/server/pyroscope-vcs.ts
 * writes bench/server/pyroscope-getfile.json, the benchmark's frames with Pyroscope's answer (status, URL, a hash of
 * the content) and its GitHub call count for each; bench.ts reads it when PYROSCOPE_BIN is not set.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { GitHubDouble } from '../../e2e/github-double';
import { startGitHubTlsProxy } from '../../e2e/github-double/tls-proxy';
import { startPyroscope } from '../../e2e/pyroscope-contract/pyroscope-process';
import { encodeSessionCookie } from '../../server/src/session/cookie';
import { deriveKey, encryptToken } from '../../server/src/session/token';
import { startBenchDouble } from './double';
import { BENCH_FRAMES, pickFrames, sampleFrames, type SampleFrame } from '../../samples/frames';

export const RECORDED_GETFILE = path.join(__dirname, 'pyroscope-getfile.json');

export interface GetFileAnswer {
  status: number;
  /** The answer's URL field (where the file is on GitHub), when found. */
  url?: string;
  /** sha256 of the file content, when found. */
  contentSha256?: string;
}

export interface RecordedFrame extends GetFileAnswer {
  key: string;
  calls: number;
}

export interface PyroscopeGetFileRecording {
  pyroscope: { version: string; revision: string; goVersion: string };
  recordedAt: string;
  frames: RecordedFrame[];
}

export const frameKey = (f: SampleFrame) =>
  `${f.repositoryURL}@${f.ref}:${f.rootPath}:${f.localPath}:${f.functionName}`;

/**
 * One vcs.v1 GetFile over Connect JSON, as the plugin sends it; the content is kept only as its hash, and the
 * GitHub double's address in the answer's URL (it changes from run to run) as https://github.com.
 */
export async function getFile(
  baseUrl: string,
  cookie: string,
  f: SampleFrame,
  githubUrl: string
): Promise<GetFileAnswer> {
  const res = await fetch(`${baseUrl}/vcs.v1.VCSService/GetFile`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({
      repositoryURL: f.repositoryURL,
      ref: f.ref,
      rootPath: f.rootPath,
      localPath: f.localPath,
      functionName: f.functionName,
    }),
  });
  const body = (await res.json()) as { content?: string; URL?: string };
  if (res.status !== 200) {
    return { status: res.status };
  }
  const content = Buffer.from(body.content ?? '', 'base64');
  const url = body.URL?.startsWith(githubUrl) ? `https://github.com${body.URL.slice(githubUrl.length)}` : body.URL;
  return { status: 200, url, contentSha256: createHash('sha256').update(content).digest('hex') };
}

export const SESSION_SECRET = 'bench-session-secret-0123456789abcdef';

/**
 * The GitHub token and the session cookie both servers accept: the token encrypted with the same secret for tenant
 * anonymous, with an expiry an hour ahead (Pyroscope refuses a token without one: Go's zero time counts as expired).
 */
export function benchSession(double: GitHubDouble): { token: string; cookie: string } {
  const token = double.issueToken('bench', 0).accessToken;
  const sealed = encryptToken(
    { accessToken: token, expiry: Date.now() + 3600_000 },
    deriveKey(SESSION_SECRET, 'anonymous')
  );
  return { token, cookie: `pyroscope_git_session=${encodeSessionCookie(sealed)}` };
}

/** Runs the frames through a real Pyroscope in front of `double`; per frame its answer and GitHub calls. */
export async function askPyroscope(
  bin: string,
  double: GitHubDouble,
  frames: SampleFrame[]
): Promise<PyroscopeGetFileRecording> {
  const proxy = await startGitHubTlsProxy({ webUrl: double.url, apiUrl: double.apiUrl });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'linescope-pyroscope-vcs-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HTTPS_PROXY: proxy.url,
    NO_PROXY: '',
    SSL_CERT_FILE: proxy.caFile,
    GITHUB_CLIENT_ID: double.clientId,
    GITHUB_CLIENT_SECRET: double.clientSecret,
    GITHUB_SESSION_SECRET: SESSION_SECRET,
  };
  delete env.no_proxy;
  delete env.https_proxy;
  const pyroscope = await startPyroscope({ bin, dataDir, env });
  try {
    const { cookie } = benchSession(double);
    const recorded: RecordedFrame[] = [];
    for (const frame of frames) {
      const before = double.apiCalls().length;
      const answer = await getFile(pyroscope.url, cookie, frame, double.url);
      recorded.push({ key: frameKey(frame), ...answer, calls: double.apiCalls().length - before });
    }
    if (proxy.refused.length > 0) {
      throw new Error(`Pyroscope tried hosts other than GitHub's: ${proxy.refused.join(', ')}`);
    }
    return { pyroscope: pyroscope.version, recordedAt: new Date().toISOString(), frames: recorded };
  } finally {
    await pyroscope.stop();
    await proxy.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function readRecordedGetFile(): PyroscopeGetFileRecording | undefined {
  return existsSync(RECORDED_GETFILE)
    ? (JSON.parse(readFileSync(RECORDED_GETFILE, 'utf8')) as PyroscopeGetFileRecording)
    : undefined;
}

async function main(): Promise<void> {
  const bin = process.env.PYROSCOPE_BIN;
  if (!bin) {
    throw new Error('set PYROSCOPE_BIN to a pyroscope binary built from grafana/pyroscope (go build ./cmd/pyroscope)');
  }
  const work = mkdtempSync(path.join(tmpdir(), 'linescope-bench-pyroscope-'));
  try {
    const frames = pickFrames(sampleFrames(), BENCH_FRAMES);
    const double = await startBenchDouble(work, frames);
    try {
      const recording = await askPyroscope(bin, double, frames);
      writeFileSync(RECORDED_GETFILE, `${JSON.stringify(recording, null, 1)}\n`);
      const found = recording.frames.filter((f) => f.status === 200).length;
      const calls = recording.frames.reduce((n, f) => n + f.calls, 0);
      process.stdout.write(
        `Pyroscope ${recording.pyroscope.version}: ${found}/${frames.length} frames found, ${calls} GitHub calls; wrote ${RECORDED_GETFILE}\n`
      );
    } finally {
      await double.stop();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  });
}
