// GitHub's session as vcs.v1 keeps it: Pyroscope's `pyroscope_git_session` cookie, and where the browser keeps its
// expiries beside it.
export const SESSION_COOKIE = 'pyroscope_git_session';
export const SESSION_STORAGE_KEY = 'linescope.github.session';

/** What HostSession needs to know of GitHub's session. */
export const GITHUB_SESSION = { cookieName: SESSION_COOKIE, storageKey: SESSION_STORAGE_KEY } as const;
