import { parseArgs, type ParseArgsConfig } from 'node:util';

import { run as runLabels } from '@linescope/labels/src/main';

import { asCliError } from './annotate';
import { annotateWithSource } from './annotateJob';
import { CliError } from './errors';
import { serveMcp } from './mcp/stdio';
import { loadProfile, type ProfileInput, readStream } from './profileInput';
import { DEFAULT_PROFILE_TYPE, pyroscopeFromEnv } from './pyroscope';
import { renderAnnotation, renderTop } from './render';
import { hottestFunctions } from './top';
import { localSource, type SourceFiles, sessionsFromEnv, sourceServer } from './sourceFiles';

export const HELP = `Usage: linescope <command> [options]

A function's source with its cost beside each line, from a pprof profile or
Pyroscope: the numbers of Linescope's Grafana panel (and of go tool pprof -list).

Commands:
  annotate <profile | -> --function <name>   self and total per line of a function
  top <profile | ->                          the hottest functions, to know what to annotate
  labels [format] [options]                  the repository, commit and root path of a git
                                             checkout as profile labels (linescope-labels)
  mcp                                        an MCP server over stdio for coding agents
                                             (tools top_functions, annotate_function)

Run linescope <command> --help for a command's options.
Exit status: 0 done, 2 refused (the message says why), 1 anything else.
`;

const PROFILE_HELP = `Profile (a file, - for standard input, or a Pyroscope query instead):
      --pyroscope <url>        Pyroscope's URL (default: PYROSCOPE_URL); credentials
                               from PYROSCOPE_USER/PYROSCOPE_PASSWORD or PYROSCOPE_TOKEN,
                               tenant from PYROSCOPE_TENANT
      --service <name>         the service_name to query
      --from <time>            start: now-1h (default), RFC 3339 or Unix seconds
      --to <time>              end: now (default)
      --selector <selector>    more label matchers, e.g. {env="prod"}
      --profile-type <id>      default ${DEFAULT_PROFILE_TYPE}
      --sample-type <type>     the sample type to read (e.g. alloc_space; default:
                               the profile's default, as go tool pprof)
`;

export const ANNOTATE_HELP = `Usage: linescope annotate <profile.pb.gz | -> --function <name> [options]
       linescope annotate --pyroscope <url> --service <name> --function <name> [options]

Prints, per file of the function, self and total for each line in the profile's
unit, the hottest lines marked with >. With source (--source or --source-server)
the whole function is shown beside its numbers.

Options:
  -f, --function <name>        the function, exactly as the profile names it
      --file <path>            only the function's frames in this file
      --format <text|json>     text (default), or a JSON array of
                               {function, file, self, total, unit, lines: [{line, self, total, text?}]}
      --source <dir>           read the source from this checkout
      --source-server <url>    read it through a Linescope source server (vcs.v1 GetFile)
                               with the Git session from LINESCOPE_GIT_TOKEN (or
                               GITHUB_TOKEN / GITLAB_TOKEN)
      --repository <url>       the repository, when the profile does not name it
      --ref <commit>           its commit, branch or tag
      --root-path <path>       where the service lives in the repository
      --tenant <id>            the source server's tenant (X-Scope-OrgID)
  -h, --help                   show this help

${PROFILE_HELP}`;

export const TOP_HELP = `Usage: linescope top <profile.pb.gz | -> [options]
       linescope top --pyroscope <url> --service <name> [options]

Prints the functions with the most self (flat) cost, with their total (cum), as
go tool pprof -top counts them.

Options:
  -n, --limit <count>          how many functions (default 20)
      --format <text|json>     text (default) or JSON
  -h, --help                   show this help

${PROFILE_HELP}`;

export const MCP_HELP = `Usage: linescope mcp

Serves the Model Context Protocol over standard input and output for a coding
agent, with two tools:
  top_functions      the hottest functions of a profile
  annotate_function  a function's lines with self, total and source
Each takes a local profile path or a Pyroscope query (service, from, to,
selector, profile type). Configuration from the environment: PYROSCOPE_URL,
PYROSCOPE_USER, PYROSCOPE_PASSWORD, PYROSCOPE_TOKEN, PYROSCOPE_TENANT;
LINESCOPE_SOURCE_SERVER with LINESCOPE_GIT_TOKEN (or GITHUB_TOKEN / GITLAB_TOKEN)
and LINESCOPE_TENANT; LINESCOPE_SOURCE_DIR for a local checkout (or the
annotate_function argument source_dir).
`;

export interface Io {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdin: AsyncIterable<Uint8Array | string>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const PROFILE_OPTIONS = {
  pyroscope: { type: 'string' },
  service: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  selector: { type: 'string' },
  'profile-type': { type: 'string' },
  'sample-type': { type: 'string' },
  format: { type: 'string', default: 'text' },
  help: { type: 'boolean', short: 'h', default: false },
} satisfies ParseArgsConfig['options'];

type ProfileValues = { [K in keyof typeof PROFILE_OPTIONS]?: string | boolean };

function parse<O extends ParseArgsConfig['options']>(argv: string[], options: O) {
  return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
}

function sampleTypeOf(value: string | undefined): string | number | undefined {
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : value;
}

function formatOf(value: unknown): 'text' | 'json' {
  if (value !== 'text' && value !== 'json') {
    throw new CliError(`--format must be text or json (got ${JSON.stringify(value)})`);
  }
  return value;
}

/** The profile a command reads: its one positional argument, or the Pyroscope query its options describe. */
function profileInput(positionals: string[], values: ProfileValues, io: Io): ProfileInput {
  if (positionals.length > 1) {
    throw new CliError(`one profile at a time (got ${positionals.join(', ')})`);
  }
  const queried = values.service !== undefined || values.selector !== undefined || values.pyroscope !== undefined;
  if (positionals.length === 1) {
    if (queried) {
      throw new CliError('give a profile file or a Pyroscope query (--pyroscope, --service, --selector), not both');
    }
    const [path] = positionals;
    return path === '-'
      ? { kind: 'stdin', read: () => readStream(io.stdin) }
      : { kind: 'file', path: resolvePath(io, path) };
  }
  if (!queried) {
    throw new CliError('which profile? Give a file (or - for standard input), or --service with --pyroscope');
  }
  const connection = pyroscopeFromEnv(io.env, values.pyroscope as string | undefined);
  if (!connection) {
    throw new CliError('a Pyroscope query needs --pyroscope <url> (or PYROSCOPE_URL)');
  }
  return {
    kind: 'pyroscope',
    connection,
    query: {
      service: values.service as string | undefined,
      selector: values.selector as string | undefined,
      from: values.from as string | undefined,
      to: values.to as string | undefined,
      profileType: values['profile-type'] as string | undefined,
    },
  };
}

function resolvePath(io: Io, path: string): string {
  return path.startsWith('/') ? path : `${io.cwd.replace(/\/$/, '')}/${path}`;
}

async function annotateCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, {
    ...PROFILE_OPTIONS,
    function: { type: 'string', short: 'f' },
    file: { type: 'string' },
    source: { type: 'string' },
    'source-server': { type: 'string' },
    repository: { type: 'string' },
    ref: { type: 'string' },
    'root-path': { type: 'string' },
    tenant: { type: 'string' },
  });
  if (values.help) {
    io.stdout(ANNOTATE_HELP);
    return 0;
  }
  const format = formatOf(values.format);
  if (!values.function) {
    throw new CliError('--function <name> is required (linescope top <profile> lists the hottest ones)');
  }
  if (values.source && values['source-server']) {
    throw new CliError('read the source from --source or --source-server, not both');
  }
  const input = profileInput(positionals, values, io);
  let source: SourceFiles | undefined;
  if (values.source) {
    try {
      source = localSource(resolvePath(io, values.source));
    } catch {
      throw new CliError(`--source ${values.source} is not a directory`);
    }
  } else if (values['source-server']) {
    source = sourceServer({
      url: values['source-server'],
      ...sessionsFromEnv(io.env),
      tenant: values.tenant,
      version: { repository: values.repository, gitRef: values.ref, rootPath: values['root-path'] },
    });
  }
  const profile = await loadProfile(input);
  const result = await annotateWithSource(
    profile,
    values.function,
    { sampleType: sampleTypeOf(values['sample-type']), file: values.file },
    source
  );
  io.stdout(
    format === 'json'
      ? JSON.stringify(result.json, null, 2) + '\n'
      : renderAnnotation(result.annotation, result.rendered)
  );
  return 0;
}

async function topCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, {
    ...PROFILE_OPTIONS,
    limit: { type: 'string', short: 'n', default: '20' },
  });
  if (values.help) {
    io.stdout(TOP_HELP);
    return 0;
  }
  const format = formatOf(values.format);
  const limit = Number(values.limit);
  if (!Number.isSafeInteger(limit) || limit < 1) {
    throw new CliError(`--limit must be a positive whole number (got ${JSON.stringify(values.limit)})`);
  }
  const profile = await loadProfile(profileInput(positionals, values, io));
  const top = hottestFunctions(profile, sampleTypeOf(values['sample-type']));
  const shown = top.functions.slice(0, limit);
  io.stdout(format === 'json' ? JSON.stringify({ ...top, functions: shown }, null, 2) + '\n' : renderTop(top, shown));
  return 0;
}

/** Runs the command line `argv` (without node and the script); resolves to the exit status. */
export async function run(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'annotate':
        return await annotateCommand(rest, io);
      case 'top':
        return await topCommand(rest, io);
      case 'labels':
        // The same tool as linescope-labels, under this command's name.
        return runLabels(rest, io);
      case 'mcp':
        if (rest.includes('--help') || rest.includes('-h')) {
          io.stdout(MCP_HELP);
          return 0;
        }
        if (rest.length) {
          throw new CliError(
            `linescope mcp takes no arguments (got ${rest.join(' ')}); it is configured by environment`
          );
        }
        await serveMcp(io.env);
        return 0;
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.stdout(HELP);
        return 0;
      default:
        throw new CliError(`unknown command ${JSON.stringify(command)} (commands: annotate, top, labels, mcp)`);
    }
  } catch (error) {
    // node:util's errors are told by their code (a test runner's realm has another TypeError).
    const parseError = String((error as { code?: unknown })?.code ?? '').startsWith('ERR_PARSE_ARGS');
    const refusal = asCliError(error);
    if (refusal instanceof CliError || parseError) {
      io.stderr(`linescope: ${messageOf(refusal)}\n`);
      if (parseError) {
        io.stderr(`Run linescope ${command} --help for the options.\n`);
      }
      return 2;
    }
    io.stderr(`linescope: unexpected error: ${messageOf(error)}\n`);
    return 1;
  }
}

function messageOf(error: unknown): string {
  const message = (error as { message?: unknown })?.message;
  return typeof message === 'string' ? message : String(error);
}
