/** The benchmark's side of a server process (server-process.ts): start it, ask it for its usage, profile it. */
import { ChildProcess, fork } from 'node:child_process';
import path from 'node:path';

import type { ParentMessage, ServerMessage } from './server-process';

export class ServerProcess {
  /** Questions sent to the server's process, each answered by the next message of the type it expects. */
  private waiting: Array<{ type: ServerMessage['type']; answer: (message: ServerMessage) => void }> = [];
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string
  ) {
    child.on('message', (message: ServerMessage) => {
      const at = this.waiting.findIndex((w) => w.type === message.type);
      if (at >= 0) {
        this.waiting.splice(at, 1)[0].answer(message);
      }
    });
  }

  static start(mode: 'noop' | 'source', env: Record<string, string>): Promise<ServerProcess> {
    const child = fork(path.join(__dirname, 'server-process.ts'), [mode], {
      // --expose-gc: the memory the server retains is measured after a full collection.
      execArgv: ['--expose-gc', '--import', 'tsx'],
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    return new Promise((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`the ${mode} server exited (${code}) before listening`)));
      child.once('message', (message: ServerMessage) => {
        if (message.type === 'listening') {
          resolve(new ServerProcess(child, message.url));
        }
      });
    });
  }

  private ask<T extends ServerMessage['type']>(
    question: ParentMessage,
    type: T
  ): Promise<Extract<ServerMessage, { type: T }>> {
    return new Promise((resolve) => {
      this.waiting.push({ type, answer: (message) => resolve(message as Extract<ServerMessage, { type: T }>) });
      this.child.send(question);
    });
  }

  /** The server's resident set size, and the CPU time it has used so far (µs). */
  usage(): Promise<{ rss: number; cpuMicros: number }> {
    return this.ask('rss', 'rss');
  }

  /** The JavaScript heap and the buffers outside it still in use after a full garbage collection. */
  async retained(): Promise<number> {
    return (await this.ask('retained', 'retained')).bytes;
  }

  /** Starts the CPU profiler in the server's process; then stopProfile writes the profile to `file`. */
  async startProfile(): Promise<void> {
    await this.ask('profile-start', 'profiling');
  }

  async stopProfile(file: string): Promise<void> {
    await this.ask({ type: 'profile-stop', file }, 'profiled');
  }

  stop(): void {
    this.child.removeAllListeners('exit');
    this.child.kill();
  }
}
