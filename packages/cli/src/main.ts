import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';

import { run as runLabels } from 'linescope-labels/src/main';

import { asCliError } from './annotate';
import { annotateWithSource } from './annotateJob';
import { CliError } from './errors';
import { ANNOTATE_HELP, HELP, MCP_HELP, TOP_HELP } from './help';
import { serveMcp } from './mcp/stdio';
import { loadProfile, type ProfileInput, readStream } from './profileInput';
import { pyroscopeFromEnv } from './pyroscope';
import { renderAnnotation, renderTop } from './render';
import { hottestFunctions, sampleTypeOf } from './top';
import { localSource, type SourceFiles, sessionsFromEnv, sourceServer } from './sourceFiles';

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
    const queryOnly = (['from', 'to', 'profile-type'] as const).filter((name) => values[name] !== undefined);
    if (queryOnly.length) {
      throw new CliError(
        `--${queryOnly.join(', --')} ${queryOnly.length > 1 ? 'are' : 'is'} for a Pyroscope query, not a file`
      );
    }
    const [file] = positionals;
    return file === '-'
      ? { kind: 'stdin', read: () => readStream(io.stdin) }
      : { kind: 'file', path: resolvePath(io, file) };
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

function resolvePath(io: Io, file: string): string {
  return path.resolve(io.cwd, file);
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
      source = localSource(resolvePath(io, values.source), values.source);
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
