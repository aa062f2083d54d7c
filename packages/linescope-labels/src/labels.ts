import { type Env, KNOWN_CIS, readCiCheckout } from './ciEnvironment';
import { LabelsError } from './errors';
import type { GitCheckout } from './gitCheckout';
import { normaliseRepositoryUrl } from './repositoryUrl';

/** What Pyroscope needs to find a profile's source: `service_repository`, `service_git_ref`, `service_root_path`. */
export interface SourceLabels {
  repository: string;
  gitRef: string;
  /** '' when the service sits at the top of the repository. */
  rootPath: string;
  /** The commit checked out, whichever ref `gitRef` names. */
  commit: string;
  /** The branch or tag built, when git or the CI knows it. */
  branch?: string;
}

export type RefKind = 'sha' | 'branch';

export interface ResolveOptions {
  /** The remote whose URL names the repository; default `origin`, else the only remote. */
  remote?: string;
  /** Overrides the remote's URL. */
  repository?: string;
  /** `sha` (default) pins the commit; `branch` names the branch or tag that was built. */
  ref: RefKind;
  allowDirty: boolean;
}

export interface ResolvedLabels {
  labels: SourceLabels;
  /** Things the user should know although the labels were made (printed on stderr). */
  warnings: string[];
}

const SHOWN_CHANGES = 5;

export function resolveLabels(checkout: GitCheckout, env: Env, options: ResolveOptions): ResolvedLabels {
  const warnings: string[] = [];
  const ci = readCiCheckout(env, options.remote ?? 'origin');

  if (checkout.changes.length > 0) {
    const shown = checkout.changes.slice(0, SHOWN_CHANGES).join(', ');
    const more = checkout.changes.length > SHOWN_CHANGES ? ` and ${checkout.changes.length - SHOWN_CHANGES} more` : '';
    const what = `the working tree has uncommitted changes (${shown}${more})`;
    if (!options.allowDirty) {
      throw new LabelsError(
        `${what}: the profiles would name commit ${checkout.commit.slice(0, 12)}, which is not the code that runs. ` +
          'Commit or stash them, or pass --allow-dirty.'
      );
    }
    warnings.push(`${what}; the labels name commit ${checkout.commit.slice(0, 12)} anyway (--allow-dirty)`);
  }

  const repository = normaliseRepositoryUrl(pickRepositoryUrl(checkout, options, ci?.repository, ci?.ci));

  const branch = checkout.branch ?? ci?.branch;
  let gitRef = checkout.commit;
  if (options.ref === 'branch') {
    if (!branch) {
      throw new LabelsError(
        ci
          ? `HEAD is detached and ${ci.ci} names no branch or tag for this build; use --ref sha`
          : `HEAD is detached and no CI variables name the branch (read for ${KNOWN_CIS.join(', ')}); ` +
              'check out a branch or use --ref sha'
      );
    }
    gitRef = branch;
  }
  return {
    labels: { repository, gitRef, rootPath: checkout.rootPath, commit: checkout.commit, ...(branch ? { branch } : {}) },
    warnings,
  };
}

function pickRepositoryUrl(
  checkout: GitCheckout,
  options: ResolveOptions,
  ciRepository: string | undefined,
  ciName: string | undefined
): string {
  if (options.repository !== undefined) {
    return options.repository;
  }
  const names = Object.keys(checkout.remotes);
  if (options.remote !== undefined) {
    const url = checkout.remotes[options.remote];
    if (url === undefined) {
      throw new LabelsError(
        `there is no remote "${options.remote}" (remotes: ${names.length > 0 ? names.join(', ') : 'none'})`
      );
    }
    return url;
  }
  if (checkout.remotes.origin !== undefined) {
    return checkout.remotes.origin;
  }
  if (names.length === 1) {
    return checkout.remotes[names[0]];
  }
  if (ciRepository !== undefined && names.length === 0) {
    return ciRepository;
  }
  throw new LabelsError(
    names.length === 0
      ? `the checkout has no remote${ciName ? ` and ${ciName} names no repository` : ''}: ` +
          'add one (git remote add origin <url>) or pass --repository <url>'
      : `there is no remote "origin" and several others (${names.join(', ')}): pass --remote <name>`
  );
}
