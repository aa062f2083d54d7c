// Repository / ref / root path overrides, per user (browser storage), keyed by data source and service. During an
// incident the labels may be wrong or missing: an override beats both the build-id version and the labels.
import type { SourceVersion } from '../../domain/model';
import { parseTypedRepository, type KnownHost } from '../../domain/repository';

export const OVERRIDES_STORAGE_KEY = 'linescope.versionOverrides';
/** Services whose name the panel does not know share this key. */
const NO_SERVICE = '';

type OverrideMap = Record<string, Record<string, SourceVersion>>;
type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface OverrideScope {
  datasourceUid: string;
  serviceName?: string;
}

function read(storage: KeyValueStorage): OverrideMap {
  try {
    const parsed = JSON.parse(storage.getItem(OVERRIDES_STORAGE_KEY) ?? '{}');
    return parsed && typeof parsed === 'object' ? (parsed as OverrideMap) : {};
  } catch {
    // A damaged entry must not break the panel; the next save replaces it.
    return {};
  }
}

export function getOverride(storage: KeyValueStorage, scope: OverrideScope): SourceVersion | undefined {
  const found = read(storage)[scope.datasourceUid]?.[scope.serviceName ?? NO_SERVICE];
  return found && typeof found.repository === 'string' && found.repository ? found : undefined;
}

export function saveOverride(storage: KeyValueStorage, scope: OverrideScope, version: SourceVersion): void {
  const all = read(storage);
  const forSource = { ...(all[scope.datasourceUid] ?? {}), [scope.serviceName ?? NO_SERVICE]: version };
  storage.setItem(OVERRIDES_STORAGE_KEY, JSON.stringify({ ...all, [scope.datasourceUid]: forSource }));
}

export function resetOverride(storage: KeyValueStorage, scope: OverrideScope): void {
  const all = read(storage);
  const { [scope.serviceName ?? NO_SERVICE]: _removed, ...rest } = all[scope.datasourceUid] ?? {};
  const next = { ...all, [scope.datasourceUid]: rest };
  if (Object.keys(rest).length === 0) {
    delete next[scope.datasourceUid];
  }
  storage.setItem(OVERRIDES_STORAGE_KEY, JSON.stringify(next));
}

export function resetAllOverrides(storage: KeyValueStorage): void {
  storage.removeItem(OVERRIDES_STORAGE_KEY);
}

export interface OverrideForm {
  repository: string;
  ref: string;
  rootPath: string;
}

export type OverrideValidation =
  { ok: true; value: SourceVersion } | { ok: false; errors: Partial<Record<keyof OverrideForm, string>> };

/**
 * Checks the form: a repository URL that parses (by its host's layout, the source server's own hosts included), a ref
 * without spaces (empty = HEAD), a root path inside the repository.
 */
export function validateOverride(form: OverrideForm, hosts: readonly KnownHost[] = []): OverrideValidation {
  const errors: Partial<Record<keyof OverrideForm, string>> = {};
  const repository = parseTypedRepository(form.repository, hosts);
  if (!repository.ok) {
    errors.repository = repository.reason;
  }
  const ref = form.ref.trim() || 'HEAD';
  if (/\s/.test(ref) || ref.includes('..')) {
    errors.ref = 'A ref is a commit sha, a branch or a tag: no spaces and no "..".';
  }
  const rootPath = form.rootPath.trim().replace(/^\/+|\/+$/g, '');
  if (rootPath.split('/').some((part) => part === '..')) {
    errors.rootPath = 'The root path must stay inside the repository (no "..").';
  }
  if (!repository.ok || Object.keys(errors).length > 0) {
    return { ok: false, errors };
  }
  return { ok: true, value: { repository: repository.value.webUrl, gitRef: ref, rootPath } };
}

export type VersionSource = 'override' | 'build-id' | 'labels' | 'none';

/** Precedence: the user's override, then the version stamped in the build id, then the service's labels. */
export function resolveVersion(args: { override?: SourceVersion; buildId?: SourceVersion; labels?: SourceVersion }): {
  version?: SourceVersion;
  origin: VersionSource;
} {
  if (args.override?.repository) {
    return { version: args.override, origin: 'override' };
  }
  if (args.buildId?.repository) {
    return { version: args.buildId, origin: 'build-id' };
  }
  if (args.labels?.repository) {
    return { version: args.labels, origin: 'labels' };
  }
  return { origin: 'none' };
}
