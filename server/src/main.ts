/**
 * Entry point: read the environment, start the server, and on SIGTERM/SIGINT stop gracefully: no new
 * connections, requests in flight finish within SHUTDOWN_DRAIN_SECONDS, then exit. A second signal exits at once.
 */
import { ConfigError, githubConfigured, gitlabConfigured, loadConfig } from './config';
import { createLogger, redactUrl } from './log';
import { createMetrics } from './metrics';
import { createServer } from './server';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`linescope-server: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  const server = createServer(config, { logger, metrics: createMetrics({ defaultMetrics: true }) });
  const url = await server.listen(config.port, '0.0.0.0');
  logger.info(
    {
      url,
      github: config.githubUrl,
      githubApi: config.githubApiUrl,
      githubConfigured: githubConfigured(config),
      gitlab: config.gitlabUrl,
      gitlabApi: config.gitlabApiUrl,
      gitlabConfigured: gitlabConfigured(config),
      gateway: config.pyroscopeUrl ?? null,
      cache: config.cacheUrl ? redactUrl(config.cacheUrl) : null,
    },
    'linescope source server listening'
  );
  if (!githubConfigured(config) && !gitlabConfigured(config)) {
    logger.warn(
      'GITHUB_CLIENT_ID, GITHUB_CLIENT_SECRET and SESSION_SECRET are not set (nor GITLAB_CLIENT_ID and GITLAB_CLIENT_SECRET): GithubApp and GitlabApp answer "not configured"'
    );
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting without waiting for requests in flight');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal, drainSeconds: config.shutdownDrainMs / 1000 }, 'shutting down');
    server.drain(config.shutdownDrainMs).then(
      ({ dropped }) => {
        if (dropped > 0) {
          logger.warn({ dropped }, 'requests still running after the drain time were cut off');
        }
        logger.info('stopped');
        process.exit(0);
      },
      (error: Error) => {
        logger.error({ err: error.message }, 'shutdown failed');
        process.exit(1);
      }
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error) => {
  process.stderr.write(`linescope-server: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
