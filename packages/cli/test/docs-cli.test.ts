// docs/cli.md ("Outside Grafana") as a user follows it: its commands run (with the built command for
// `npx linescope`) and print what it shows, and its MCP configurations start a server the SDK's client can use.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';

import { buildCli, CLI, PROFILES_DIR, REPO_DIR, removeBuild, runBuilt, SOURCES_DIR } from './harness';

const SECTION = readFileSync(path.join(REPO_DIR, 'docs/cli.md'), 'utf8');
const blocks = [...SECTION.matchAll(/^```(\w+)\n([\s\S]*?)^```$/gm)].map(([, language, body]) => ({ language, body }));

beforeAll(() => buildCli(), 120_000);
afterAll(() => removeBuild());

describe('docs/cli.md: linescope on the sample profiles', () => {
  // Each `npx linescope` example on the samples, followed by the text block of what it prints.
  const examples = blocks.flatMap((block, i) =>
    block.language === 'sh' && block.body.includes('samples/') && blocks[i + 1]?.language === 'text'
      ? [[block.body.trim(), blocks[i + 1].body] as const]
      : []
  );

  it('has the section and its examples', () => {
    expect(SECTION.startsWith('# Outside Grafana: ')).toBe(true);
    expect(examples.length).toBe(2);
  });

  it.each(examples)('%s', (command, printed) => {
    const args = command.replace(/^npx linescope /, '').split(/\s+/);
    const out = runBuilt(args);
    expect(out.stderr).toBe('');
    expect(out.stdout).toBe(printed);
  });
});

describe('docs/cli.md: MCP configurations', () => {
  const configs = blocks.filter((b) => b.language === 'json').map((b) => JSON.parse(b.body));

  it('gives the mcpServers form (Claude Code, Claude Desktop, Cursor) and the servers form (VS Code)', () => {
    expect(configs.map((c) => Object.keys(c))).toEqual([['mcpServers'], ['servers']]);
    expect(configs[1].servers.linescope.type).toBe('stdio');
  });

  it.each(['mcpServers', 'servers'])(
    'the %s entry starts linescope mcp',
    async (key) => {
      const entry = configs.find((c) => key in c)[key].linescope as {
        command: string;
        args: string[];
        env: Record<string, string>;
      };
      expect(entry.command).toBe('node');
      expect(entry.args).toEqual(['/path/to/linescope/packages/cli/dist/cli.js', 'mcp']);
      expect(Object.keys(entry.env)).toEqual(['PYROSCOPE_URL', 'LINESCOPE_SOURCE_DIR']);
      // This checkout's build for the path, the sample service's source for the checkout the snippet names.
      const env = { ...entry.env, LINESCOPE_SOURCE_DIR: path.join(SOURCES_DIR, 'shop-go/v1') };
      const client = new Client({ name: 'readme', version: '1.0.0' });
      await client.connect(
        new StdioClientTransport({ command: process.execPath, args: [CLI, ...entry.args.slice(1)], env })
      );
      try {
        const result = (await client.callTool({
          name: 'annotate_function',
          arguments: { function: 'main.handleRequest', profile_path: path.join(PROFILES_DIR, 'shop-go-v1.cpu.pb.gz') },
        })) as CallToolResult;
        expect(result.isError).toBeFalsy();
        expect(result.content[0]).toEqual({
          type: 'text',
          text: expect.stringContaining('      .  3.38 s > 69      bundle := pricing.BestBundle(hits, 1200_00)'),
        });
      } finally {
        await client.close();
      }
    },
    60_000
  );
});
