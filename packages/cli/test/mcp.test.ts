// `linescope mcp` driven by the MCP SDK's own client over stdio, the server being the built command in a child
// process: the tools it lists, each tool called on a recorded profile (the numbers of `linescope annotate`), a
// Pyroscope query against the querier double, and bad arguments.
import path from 'node:path';

import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';

import { startPyroscopeDouble } from '../../../e2e/pyroscope-double/server';
import type { AnnotatedFile } from '../src/annotate';
import { buildCli, CLI, PROFILES_DIR, removeBuild, runInProcess, SOURCES_DIR } from './harness';

const goV1 = path.join(PROFILES_DIR, 'shop-go-v1.cpu.pb.gz');

jest.setTimeout(60_000);

let pyroscope: Awaited<ReturnType<typeof startPyroscopeDouble>>;
let client: Client;
let stderr = '';

beforeAll(async () => {
  buildCli();
  pyroscope = await startPyroscopeDouble({ profilesDir: PROFILES_DIR });
  client = new Client({ name: 'linescope-test', version: '1.0.0' });
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [CLI, 'mcp'],
    env: { PYROSCOPE_URL: pyroscope.url },
    stderr: 'pipe',
  });
  transport.stderr?.on('data', (chunk) => (stderr += String(chunk)));
  await client.connect(transport);
}, 120_000);

afterAll(async () => {
  await client?.close();
  await pyroscope?.close();
  removeBuild();
});

async function call(name: string, args: Record<string, unknown>): Promise<CallToolResult> {
  return (await client.callTool({ name, arguments: args })) as CallToolResult;
}

const textOf = (result: CallToolResult) => result.content.map((c) => (c.type === 'text' ? c.text : '')).join('');

async function cliJson(argv: string[]): Promise<AnnotatedFile[]> {
  const out = await runInProcess([...argv, '--format', 'json']);
  expect(out.stderr).toBe('');
  return JSON.parse(out.stdout);
}

describe('linescope mcp', () => {
  it('names itself and lists its two tools with their schemas', async () => {
    expect(client.getServerVersion()).toEqual({ name: 'linescope', version: '0.1.0' });
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(['annotate_function', 'top_functions']);
    const annotate = tools.find((t) => t.name === 'annotate_function')!;
    expect(annotate.inputSchema.required).toEqual(['function']);
    expect(Object.keys(annotate.inputSchema.properties ?? {})).toEqual(
      expect.arrayContaining(['function', 'file', 'profile_path', 'service', 'from', 'to', 'selector', 'profile_type'])
    );
    expect(annotate.outputSchema?.required).toEqual(expect.arrayContaining(['function', 'unit', 'files']));
    expect(tools.every((t) => t.annotations?.readOnlyHint === true)).toBe(true);
  });

  it('annotate_function gives the numbers of linescope annotate, with the source and the hottest lines marked', async () => {
    const result = await call('annotate_function', {
      function: 'main.handleRequest',
      profile_path: goV1,
      source_dir: path.join(SOURCES_DIR, 'shop-go/v1'),
    });
    expect(result.isError).toBeFalsy();
    const expected = await cliJson([
      'annotate',
      goV1,
      '-f',
      'main.handleRequest',
      '--source',
      path.join(SOURCES_DIR, 'shop-go/v1'),
    ]);
    expect(result.structuredContent).toEqual({
      function: 'main.handleRequest',
      sampleType: 'cpu',
      unit: 'nanoseconds',
      files: expected,
    });
    expect(expected[0].lines.find((l) => l.line === 69)).toEqual({
      line: 69,
      self: 0,
      total: 3_380_000_000,
      text: '\tbundle := pricing.BestBundle(hits, 1200_00)',
    });
    expect(textOf(result).split('\n')).toContain(
      '      .  3.38 s > 69      bundle := pricing.BestBundle(hits, 1200_00)'
    );
  });

  it('top_functions lists the hottest functions as linescope top does', async () => {
    const result = await call('top_functions', { profile_path: goV1, limit: 3 });
    const cli = await runInProcess(['top', goV1, '-n', '3', '--format', 'json']);
    expect(result.structuredContent).toEqual(JSON.parse(cli.stdout));
    const cliText = await runInProcess(['top', goV1, '-n', '3']);
    expect(textOf(result)).toBe(cliText.stdout);
  });

  it('annotates from a Pyroscope query: the recorded v1 profile gives its golden numbers', async () => {
    const now = Date.now();
    const query = {
      service: 'shop-go',
      selector: '{version="v1.0.0"}',
      from: String(now - 24 * 3600_000),
      to: String(now),
    };
    const result = await call('annotate_function', { function: 'main.handleRequest', ...query });
    expect(textOf(result)).not.toMatch(/error/);
    const local = await cliJson(['annotate', goV1, '-f', 'main.handleRequest']);
    expect((result.structuredContent as { files: AnnotatedFile[] }).files).toEqual(local);

    const top = await call('top_functions', { ...query, limit: 5 });
    const localTop = JSON.parse((await runInProcess(['top', goV1, '-n', '5', '--format', 'json'])).stdout);
    expect(top.structuredContent).toEqual(localTop);
  });

  it.each([
    ['no function', 'annotate_function', { profile_path: goV1 }, /function/],
    ['a number for a name', 'annotate_function', { function: 42, profile_path: goV1 }, /function/],
    ['a limit of 0', 'top_functions', { profile_path: goV1, limit: 0 }, /limit/],
    ['no profile', 'top_functions', {}, /which profile\? Give profile_path, or service/],
    [
      'a path and a query',
      'top_functions',
      { profile_path: goV1, service: 'shop-go' },
      /give profile_path or a Pyroscope query \(service, selector\), not both/,
    ],
    [
      'a missing file',
      'top_functions',
      { profile_path: '/nonexistent/cpu.pprof' },
      /no profile at \/nonexistent\/cpu\.pprof/,
    ],
    [
      'a misspelt function',
      'annotate_function',
      { function: 'main.handleReqest', profile_path: goV1 },
      /no function named "main\.handleReqest" in the profile; closest names:\n {2}main\.handleRequest/,
    ],
    [
      'a sample type the profile lacks',
      'annotate_function',
      { function: 'main.handleRequest', profile_path: goV1, sample_type: 'alloc_space' },
      /the profile has no sample type "alloc_space"; it has: samples, cpu/,
    ],
    [
      'a selector Pyroscope refuses',
      'top_functions',
      { service: 'shop-go', selector: '{version=v1}' },
      /Pyroscope at http:\/\/127\.0\.0\.1:\d+ refused the query: \[invalid_argument\]/,
    ],
    ['an unknown tool', 'flame_graph', {}, /flame_graph/],
  ])('answers %s with an error result the agent can read', async (_, tool, args, message) => {
    const result = await call(tool, args);
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(message);
  });

  it('keeps stdout for the protocol: nothing was written to stderr', () => {
    expect(stderr).toBe('');
  });
});
