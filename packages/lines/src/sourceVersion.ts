import { SourceVersion } from './model';

/**
 * Reads the version JSON that Pyroscope writes into `mapping.build_id` at ingest
 * (`{"repository":…,"git_ref":…,"build_id":…,"root_path":…}`, empty keys left out). Any other build id (a GNU build
 * id, a number, JSON without a version key) means the mapping carries no version: undefined, never an error.
 */
export function parseSourceVersion(buildId: string): SourceVersion | undefined {
  if (!buildId.startsWith('{')) {
    return undefined;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(buildId);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) {
    return undefined;
  }
  const fields = parsed as Record<string, unknown>;
  const repository = stringField(fields.repository);
  const gitRef = stringField(fields.git_ref);
  const rootPath = stringField(fields.root_path);
  if (!repository && !gitRef && !rootPath) {
    return undefined;
  }
  return { repository, gitRef, rootPath };
}

function stringField(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
