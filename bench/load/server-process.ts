/**
 * The server under load, in a process of its own so that its memory is measured apart from the load generator and
 * the GitHub double. `source`: the real source server from the environment's configuration (as `main.ts` reads it).
 * `noop`: a Connect handler for the same GetFile route that answers a fixed file at once, the baseline.
 * Reports its URL to the parent, then its resident set size and CPU time, or the memory it retains whenever asked; records a CPU profile between
 * `profile-start` and `profile-stop` (the parent names the file), through the inspector of its own process.
 */
import { writeFileSync } from 'node:fs';
import http from 'node:http';
import { Session } from 'node:inspector/promises';
import { AddressInfo } from 'node:net';

import { create } from '@bufbuild/protobuf';
import { connectNodeAdapter } from '@connectrpc/connect-node';

import { GetFileResponseSchema, VCSService } from '../../proto/gen/vcs/v1/vcs_pb';
import { loadConfig } from '../../server/src/config';
import { createLogger } from '../../server/src/log';
import { createServer } from '../../server/src/server';

export type ServerMessage =
  | { type: 'listening'; url: string }
  | { type: 'rss'; rss: number; cpuMicros: number }
  | { type: 'retained'; bytes: number }
  | { type: 'profiling' }
  | { type: 'profiled'; file: string };

export type ParentMessage = 'rss' | 'retained' | 'profile-start' | { type: 'profile-stop'; file: string };

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

const inspector = new Session();

async function answer(message: ParentMessage): Promise<void> {
  if (message === 'rss') {
    const cpu = process.cpuUsage();
    send({ type: 'rss', rss: process.memoryUsage().rss, cpuMicros: cpu.user + cpu.system });
  } else if (message === 'retained') {
    // Started with --expose-gc by the benchmark; twice, so that what the first collection freed is gone too.
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    gc?.();
    const { heapUsed, external } = process.memoryUsage();
    send({ type: 'retained', bytes: heapUsed + external });
  } else if (message === 'profile-start') {
    inspector.connect();
    await inspector.post('Profiler.enable');
    await inspector.post('Profiler.start');
    send({ type: 'profiling' });
  } else if (message.type === 'profile-stop') {
    const { profile } = await inspector.post('Profiler.stop');
    inspector.disconnect();
    writeFileSync(message.file, JSON.stringify(profile));
    send({ type: 'profiled', file: message.file });
  }
}

void listen().then((url) => {
  send({ type: 'listening', url });
  process.on('message', (message: ParentMessage) => void answer(message));
  process.on('disconnect', () => process.exit(0));
});
