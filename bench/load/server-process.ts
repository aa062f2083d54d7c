/**
 * The server under load, in a process of its own so that its memory is measured apart from the load generator and
 * the GitHub double. `source`: the real source server from the environment's configuration (as `main.ts` reads it).
 * `noop`: a Connect handler for the same GetFile route that answers a fixed file at once, the baseline.
 * Reports its URL to the parent, then its resident set size whenever asked.
 */
import http from 'node:http';
import { AddressInfo } from 'node:net';

import { create } from '@bufbuild/protobuf';
import { connectNodeAdapter } from '@connectrpc/connect-node';

import { GetFileResponseSchema, VCSService } from '../../proto/gen/vcs/v1/vcs_pb';
import { loadConfig } from '../../server/src/config';
import { createLogger } from '../../server/src/log';
import { createServer } from '../../server/src/server';

export type ServerMessage = { type: 'listening'; url: string } | { type: 'rss'; rss: number };

async function listen(): Promise<string> {
  if (process.argv[2] === 'noop') {
    const content = Buffer.from(process.env.NOOP_CONTENT ?? '').toString('base64');
    const handler = connectNodeAdapter({
      routes: (router) =>
        router.service(VCSService, {
          getFile: () => create(GetFileResponseSchema, { content, URL: 'https://github.com/acme/app/blob/v1/main.go' }),
        }),
    });
    const server = http.createServer(handler);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }
  const config = loadConfig(process.env);
  return createServer(config, { logger: createLogger(config.logLevel) }).listen(0, '127.0.0.1');
}

function send(message: ServerMessage): void {
  process.send?.(message);
}

void listen().then((url) => {
  send({ type: 'listening', url });
  process.on('message', (message) => {
    if (message === 'rss') {
      send({ type: 'rss', rss: process.memoryUsage().rss });
    }
  });
  process.on('disconnect', () => process.exit(0));
});
