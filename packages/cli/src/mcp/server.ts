// `linescope mcp`: the two tools a coding agent needs to read a profile line by line, on the official MCP SDK.
// Pyroscope and the source server come from the environment only: a tool call never names a host to contact.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import * as z from 'zod';

import { asCliError } from '../annotate';
import { annotateWithSource } from '../annotateJob';
import { CliError } from '../errors';
import { loadProfile, type ProfileInput } from '../profileInput';
import { DEFAULT_PROFILE_TYPE, pyroscopeFromEnv } from '../pyroscope';
import { renderAnnotation, renderTop } from '../render';
import { hottestFunctions, sampleTypeOf } from '../top';
import { localSource, sessionsFromEnv, type SourceFiles, sourceServer } from '../sourceFiles';

export const SERVER_NAME = 'linescope';
export const SERVER_VERSION = '0.1.0';

const profileArguments = {
  profile_path: z
    .string()
    .min(1)
    .optional()
    .describe('A pprof profile on this machine (.pb.gz or raw), e.g. from go test -cpuprofile. Or query Pyroscope:'),
  service: z.string().min(1).optional().describe('Pyroscope: the service_name to query (needs PYROSCOPE_URL)'),
  from: z.string().optional().describe('Pyroscope: start, e.g. now-1h (default), RFC 3339 or Unix seconds'),
  to: z.string().optional().describe('Pyroscope: end, e.g. now (default)'),
  selector: z.string().optional().describe('Pyroscope: more label matchers, e.g. {env="prod"}'),
  profile_type: z.string().optional().describe(`Pyroscope: the profile type, default ${DEFAULT_PROFILE_TYPE}`),
  sample_type: z
    .string()
    .optional()
    .describe("The sample type to read, e.g. cpu or alloc_space (default: the profile's)"),
};

const annotatedFile = z.object({
  function: z.string(),
  file: z.string(),
  self: z.number(),
  total: z.number(),
  unit: z.string(),
  lines: z.array(z.object({ line: z.number(), self: z.number(), total: z.number(), text: z.string().optional() })),
});

type ProfileArguments = { [K in keyof typeof profileArguments]?: string };

function profileInput(args: ProfileArguments, env: NodeJS.ProcessEnv): ProfileInput {
  const queried = args.service !== undefined || args.selector !== undefined;
  if (args.profile_path !== undefined) {
    if (queried) {
      throw new CliError('give profile_path or a Pyroscope query (service, selector), not both');
    }
    return { kind: 'file', path: args.profile_path };
  }
  if (!queried) {
    throw new CliError(
      'which profile? Give profile_path, or service (with from, to, selector, profile_type) for Pyroscope'
    );
  }
  const connection = pyroscopeFromEnv(env);
  if (!connection) {
    throw new CliError(
      "Pyroscope is not configured: set PYROSCOPE_URL in the MCP server's environment, or give profile_path"
    );
  }
  return {
    kind: 'pyroscope',
    connection,
    query: {
      service: args.service,
      selector: args.selector,
      from: args.from,
      to: args.to,
      profileType: args.profile_type,
    },
  };
}

function sourceFiles(sourceDir: string | undefined, env: NodeJS.ProcessEnv): SourceFiles | undefined {
  const dir = sourceDir ?? env.LINESCOPE_SOURCE_DIR;
  if (dir) {
    try {
      return localSource(dir);
    } catch {
      throw new CliError(`source_dir ${dir} is not a directory`);
    }
  }
  if (env.LINESCOPE_SOURCE_SERVER) {
    return sourceServer({ url: env.LINESCOPE_SOURCE_SERVER, ...sessionsFromEnv(env), tenant: env.LINESCOPE_TENANT });
  }
  return undefined;
}

/** A refusal the agent can act on becomes an error result; anything else too, said as unexpected. */
async function answer(work: () => Promise<CallToolResult>): Promise<CallToolResult> {
  try {
    return await work();
  } catch (error) {
    const refusal = asCliError(error);
    const text =
      refusal instanceof CliError
        ? refusal.message
        : `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
    return { isError: true, content: [{ type: 'text', text }] };
  }
}

export function createLinescopeMcpServer(env: NodeJS.ProcessEnv): McpServer {
  const server = new McpServer({ name: SERVER_NAME, version: SERVER_VERSION });

  server.registerTool(
    'top_functions',
    {
      title: 'Hottest functions of a profile',
      description:
        'Lists the functions of a CPU or memory profile with the most self cost (and their total), as go tool pprof ' +
        '-top counts them, so you know which function to annotate. Give profile_path, or a Pyroscope query.',
      inputSchema: {
        ...profileArguments,
        limit: z.number().int().min(1).max(500).optional().describe('How many functions (default 20)'),
      },
      outputSchema: {
        sampleType: z.string(),
        unit: z.string(),
        profileTotal: z.number(),
        functions: z.array(
          z.object({ name: z.string(), files: z.array(z.string()), self: z.number(), total: z.number() })
        ),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    (args) =>
      answer(async () => {
        const profile = await loadProfile(profileInput(args, env));
        const top = hottestFunctions(profile, sampleTypeOf(args.sample_type));
        const functions = top.functions.slice(0, args.limit ?? 20);
        return {
          structuredContent: { ...top, functions },
          content: [{ type: 'text', text: renderTop(top, functions) }],
        };
      })
  );

  server.registerTool(
    'annotate_function',
    {
      title: "A function's source with its cost per line",
      description:
        "Self and total cost of each line of one function, per file, in the profile's unit (the numbers of go tool " +
        'pprof -list), with the source line beside each when it can be read (source_dir, LINESCOPE_SOURCE_DIR or ' +
        'the source server). The text marks the three hottest lines with >. Give profile_path, or a Pyroscope query.',
      inputSchema: {
        function: z.string().min(1).describe('The function, exactly as the profile names it (see top_functions)'),
        file: z.string().optional().describe("Only the function's frames in this file"),
        source_dir: z.string().optional().describe('A local checkout of the profiled code, to show its source'),
        ...profileArguments,
      },
      outputSchema: {
        function: z.string(),
        sampleType: z.string(),
        unit: z.string(),
        files: z.array(annotatedFile),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    (args) =>
      answer(async () => {
        const source = sourceFiles(args.source_dir, env);
        const profile = await loadProfile(profileInput(args, env));
        const result = await annotateWithSource(
          profile,
          args.function,
          { sampleType: sampleTypeOf(args.sample_type), file: args.file },
          source
        );
        const { annotation } = result;
        return {
          structuredContent: {
            function: annotation.function,
            sampleType: annotation.sampleType,
            unit: annotation.unit,
            files: result.json,
          },
          content: [{ type: 'text', text: renderAnnotation(annotation, result.rendered, { compact: true }) }],
        };
      })
  );

  return server;
}
