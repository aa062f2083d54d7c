// Runs shop-node under Pyroscope's Node SDK (@pyroscope/nodejs) as its README shows, configured from the
// environment, with the service's source maps: `node pyroscope-sdk-boot.mjs dist/main.js --duration 17`. The SDK's
// timers keep the event loop alive, so the service (which works synchronously) is loaded from here and the SDK is
// stopped, flushing the last upload, once it returns.
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(path.join(process.cwd(), 'package.json'));
const sdk = require('@pyroscope/nodejs');
const Pyroscope = sdk.default ?? sdk;

const tags = Object.fromEntries(
  (process.env.PYROSCOPE_TAGS || '')
    .split(',')
    .filter((pair) => pair.includes('='))
    .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)])
);
const mapsDir = process.env.PYROSCOPE_SOURCE_MAPS;

Pyroscope.init({
  appName: process.env.PYROSCOPE_APPLICATION_NAME,
  serverAddress: process.env.PYROSCOPE_SERVER_ADDRESS,
  tags,
  flushIntervalMs: 5000,
  sourceMapper: mapsDir ? await Pyroscope.SourceMapper.create([mapsDir]) : undefined,
});
Pyroscope.start();

const [main, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], path.resolve(main), ...args];
require(path.resolve(main));
await Pyroscope.stop();
process.exit(0);
