// The source of one function version: GetFile and GetCommits start together as soon as repository, ref, file and
// function are known (and the session exists); nothing waits for something it does not need.
import { useEffect, useState } from 'react';
import type { CommitInfo, GetFileResponse } from '../../proto/gen/vcs/v1/vcs_pb';
import { useGithubServices, useGithubSession } from '../github/services';
import type { CommitsRequest, FileRequest, VcsApi } from './api';
import { classifyVcsError, type VcsFailure } from './errors';
import { decodeContent } from '../code-view/rows';

export interface SourceInput {
  vcsUid: string;
  repository: string;
  ref: string;
  rootPath: string;
  localPath: string;
  functionName: string;
  /** Refs to describe in the same GetCommits call (every version of the function in this repository). */
  refs?: string[];
}

export type FileState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'loaded'; lines: string[]; response: GetFileResponse }
  | { status: 'failed'; failure: VcsFailure };

export type CommitsState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'loaded'; commits: CommitInfo[] }
  | { status: 'failed'; failure: VcsFailure };

export interface SourceResult {
  connected: boolean;
  file: FileState;
  commits: CommitsState;
}

/** Answers kept per API (one per vcs data source): switching versions back and forth costs no new call. */
const caches = new WeakMap<
  VcsApi,
  { files: Map<string, Promise<GetFileResponse>>; commits: Map<string, Promise<CommitInfo[]>> }
>();

function cached<T>(map: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  let found = map.get(key);
  if (!found) {
    found = load();
    map.set(key, found);
    // A failure is not kept: the next attempt (after connecting, after an override) asks again.
    found.catch(() => map.delete(key));
  }
  return found;
}

export function loadFile(api: VcsApi, request: FileRequest): Promise<GetFileResponse> {
  const cache = cacheFor(api);
  return cached(cache.files, JSON.stringify(request), () => api.getFile(request));
}

export function loadCommits(api: VcsApi, request: CommitsRequest): Promise<CommitInfo[]> {
  const cache = cacheFor(api);
  return cached(cache.commits, JSON.stringify(request), () => api.getCommits(request));
}

function cacheFor(api: VcsApi) {
  let cache = caches.get(api);
  if (!cache) {
    cache = { files: new Map(), commits: new Map() };
    caches.set(api, cache);
  }
  return cache;
}

/** GetCommits' answer for a ref: by the ref the server echoes (Linescope), else by sha prefix, else by position. */
export function commitForRef(commits: CommitInfo[], refs: string[], ref: string): CommitInfo | undefined {
  return (
    commits.find((c) => c.ref === ref) ??
    commits.find((c) => c.sha && (c.sha === ref || (ref.length >= 7 && c.sha.startsWith(ref)))) ??
    (commits.length === refs.length ? commits[refs.indexOf(ref)] : undefined)
  );
}

export function useSource(input: SourceInput | undefined): SourceResult {
  const services = useGithubServices();
  const { state: session } = useGithubSession(input?.vcsUid ?? '');
  const connected = !!input && session.connected;
  const [result, setResult] = useState<{ key: string; file: FileState; commits: CommitsState }>();

  const fileRequest: FileRequest | undefined = input && {
    repositoryURL: input.repository,
    ref: input.ref,
    localPath: input.localPath,
    rootPath: input.rootPath,
    functionName: input.functionName,
  };
  const refs = input ? Array.from(new Set([input.ref, ...(input.refs ?? [])])) : [];
  const commitsRequest: CommitsRequest | undefined = input && { repositoryUrl: input.repository, refs };
  // A new login is a new key: nothing from before it (a refused session's failures) is shown after it.
  const key = connected ? JSON.stringify([input.vcsUid, session.connectedAt, fileRequest, commitsRequest]) : '';

  useEffect(() => {
    if (!key || !input || !fileRequest || !commitsRequest) {
      return;
    }
    let current = true;
    const api = services.api(input.vcsUid);
    const update = (patch: Partial<{ file: FileState; commits: CommitsState }>) => {
      if (current) {
        setResult((prev) => ({
          key,
          file: prev?.key === key ? prev.file : { status: 'loading' },
          commits: prev?.key === key ? prev.commits : { status: 'loading' },
          ...patch,
        }));
      }
    };
    // Both requests leave now, side by side.
    const file = loadFile(api, fileRequest);
    const commits = loadCommits(api, commitsRequest);
    file.then(
      (response) =>
        update({ file: { status: 'loaded', response, lines: decodeContent(response.content).split('\n') } }),
      (error) => update({ file: { status: 'failed', failure: classifyVcsError(error) } })
    );
    commits.then(
      (list) => update({ commits: { status: 'loaded', commits: list } }),
      (error) => update({ commits: { status: 'failed', failure: classifyVcsError(error) } })
    );
    return () => {
      current = false;
    };
    // The key holds every input that matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, services]);

  if (!connected || !key) {
    return { connected, file: { status: 'idle' }, commits: { status: 'idle' } };
  }
  if (result?.key !== key) {
    return { connected, file: { status: 'loading' }, commits: { status: 'loading' } };
  }
  return { connected, file: result.file, commits: result.commits };
}
