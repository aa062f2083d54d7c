import path from 'node:path';
import { parseArgs } from 'node:util';

import { type Env, KNOWN_CIS } from './ciEnvironment';
import { LabelsError, withoutCredentials } from './errors';
import { FORMATS, type Format, isFormat, renderAlloy, renderLabels } from './formats';
import type { Discovery } from './formats/deploy';
import { RUNTIME_VERSION_LABEL } from './formats/labelNames';
import { readGitCheckout } from './gitCheckout';
import { type RefKind, resolveLabels } from './labels';
import { version } from '../package.json';

export const HELP = `Usage: linescope-labels [format] [options]

Prints the repository URL, commit and root path of the git checkout around the
current directory as the labels Pyroscope and Linescope read (service_repository,
service_git_ref, service_root_path), in the format asked for:

  json     {"service_repository", "service_git_ref", "service_root_path"} (default)
  env      shell exports of PYROSCOPE_LABELS and OTEL_RESOURCE_ATTRIBUTES
  go       a Go file declaring PyroscopeTags, for pyroscope.Config{Tags: ...}
  python   a Python module declaring PYROSCOPE_TAGS, for pyroscope.configure(tags=...)
  java     a pyroscope.labels line for the Java agent's pyroscope.properties
  node     a CommonJS module exporting the tags, for Pyroscope.init({tags})
  ruby     a Ruby file declaring PYROSCOPE_TAGS, for config.tags
           (node and ruby also tag ${RUNTIME_VERSION_LABEL}, read from the
           runtime that loads the file: process.version, RUBY_VERSION)
  docker   --label arguments (org.opencontainers.image.source / .revision)
  k8s      pod annotations (profiles.grafana.com/...) as a pod-template patch
  alloy    a Grafana Alloy discovery.relabel block turning those image labels or
           pod annotations into the labels, for pyroscope.scrape / pyroscope.ebpf
           (needs no checkout)

Options:
  -f, --format <name>      the format, as a flag (the same as the positional one)
  -C, --cwd <dir>          run as if started in <dir>
      --remote <name>      the remote naming the repository (default: origin,
                           else the only remote)
      --repository <url>   use this repository URL instead of the remote's
      --ref <sha|branch>   service_git_ref is the commit (default) or the branch
                           or tag built
      --allow-dirty        make labels although the tree has uncommitted changes
      --package <name>     Go package of the go format (default: main)
      --discovery <docker|kubernetes>
                           what the alloy block relabels (default: docker)
      --targets <expr>     the alloy block's input (default:
                           discovery.docker.containers.targets or
                           discovery.kubernetes.pods.targets)
      --name <label>       the alloy component's label (default: linescope)
  -h, --help               show this help
  -v, --version            print the version (${version})

Repository URLs are made https (SSH and scp forms included), without credentials
or .git. On a detached checkout the branch comes from the CI's variables
(${KNOWN_CIS.join(', ')}).
Exit status: 0 labels printed, 2 refused (the message says why), 1 anything else.
`;

export interface Io {
  cwd: string;
  env: Env;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new LabelsError(`${option} must be one of ${allowed.join(', ')} (got "${value}")`);
  }
  return value as T;
}

/** Runs the command line `argv` (without node and the script); returns the exit status. */
export function run(argv: string[], io: Io): number {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        cwd: { type: 'string', short: 'C' },
        remote: { type: 'string' },
        repository: { type: 'string' },
        ref: { type: 'string', default: 'sha' },
        'allow-dirty': { type: 'boolean', default: false },
        package: { type: 'string', default: 'main' },
        discovery: { type: 'string', default: 'docker' },
        targets: { type: 'string' },
        name: { type: 'string', default: 'linescope' },
        format: { type: 'string', short: 'f' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
    if (values.help) {
      io.stdout(HELP);
      return 0;
    }
    if (values.version) {
      io.stdout(`${version}\n`);
      return 0;
    }
    const named = [...positionals, ...(values.format === undefined ? [] : [values.format])];
    if (new Set(named).size > 1) {
      throw new LabelsError(`one format at a time (got ${named.join(', ')})`);
    }
    const requested = named[0] ?? 'json';
    if (!isFormat(requested)) {
      throw new LabelsError(`unknown format "${requested}" (formats: ${FORMATS.join(', ')})`);
    }
    const format: Format = requested;
    const discovery = oneOf<Discovery>('--discovery', values.discovery, ['docker', 'kubernetes']);
    const ref = oneOf<RefKind>('--ref', values.ref, ['sha', 'branch']);
    if (format === 'alloy') {
      io.stdout(renderAlloy({ discovery, name: values.name, targets: values.targets }));
      return 0;
    }
    const cwd = path.resolve(io.cwd, values.cwd ?? '.');
    const checkout = readGitCheckout(cwd);
    const { labels, warnings } = resolveLabels(checkout, io.env, {
      remote: values.remote,
      repository: values.repository,
      ref,
      allowDirty: values['allow-dirty'],
    });
    const output = renderLabels(format, labels, { goPackage: values.package });
    for (const warning of warnings) {
      io.stderr(`linescope-labels: warning: ${withoutCredentials(warning)}\n`);
    }
    io.stdout(output);
    return 0;
  } catch (error) {
    const known =
      error instanceof LabelsError ||
      (error instanceof TypeError && (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS'));
    if (!known) {
      // Not a refusal of ours (git failing halfway, say): still a message, not a stack trace.
      const message = error instanceof Error ? error.message : String(error);
      io.stderr(`linescope-labels: unexpected error: ${withoutCredentials(message)}\n`);
      return 1;
    }
    io.stderr(`linescope-labels: ${withoutCredentials((error as Error).message)}\n`);
    if (!(error instanceof LabelsError)) {
      io.stderr('Run linescope-labels --help for the options.\n');
    }
    return 2;
  }
}
