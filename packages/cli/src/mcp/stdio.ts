import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';

import { createLinescopeMcpServer } from './server';

/** Serves until the client closes standard input; stdout carries only the protocol, messages go to stderr. */
export async function serveMcp(env: NodeJS.ProcessEnv): Promise<void> {
  const server = createLinescopeMcpServer(env);
  const transport = new StdioServerTransport();
  const closed = new Promise<void>((resolve) => {
    transport.onclose = () => resolve();
    process.stdin.once('end', () => resolve());
  });
  await server.connect(transport);
  await closed;
  await server.close();
}
