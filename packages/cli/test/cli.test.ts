// The command's usage and refusals: what a user sees when they ask for help or get something wrong.
import path from 'node:path';

import { PprofBuilder } from '@linescope/lines/testing/pprofBuilder';
import { HELP as LABELS_HELP } from 'linescope-labels/src/main';

import { NO_SAMPLES } from '../src/annotate';
import { PROFILES_DIR, runInProcess } from './harness';

const goV1 = path.join(PROFILES_DIR, 'shop-go-v1.cpu.pb.gz');
const heap = path.join(PROFILES_DIR, 'shop-go-v1.heap.pb.gz');

describe('usage', () => {
  it.each([
    ['linescope', []],
    ['linescope --help', ['--help']],
    ['linescope annotate --help', ['annotate', '--help']],
    ['linescope top --help', ['top', '--help']],
    ['linescope mcp --help', ['mcp', '--help']],
  ])('%s', async (_, argv) => {
    const out = await runInProcess(argv);
    expect(out.status).toBe(0);
    expect(out.stderr).toBe('');
    expect(out.stdout).toMatchSnapshot();
  });

  it('linescope labels is linescope-labels', async () => {
    const out = await runInProcess(['labels', '--help']);
    expect(out).toEqual({ status: 0, stdout: LABELS_HELP, stderr: '' });
  });

  it.each([
    [['frobnicate'], 'linescope: unknown command "frobnicate" (commands: annotate, top, labels, mcp)\n'],
    [
      ['annotate', goV1, '--funtion', 'x'],
      "linescope: Unknown option '--funtion'. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- \"--funtion\"\nRun linescope annotate --help for the options.\n",
    ],
    [['annotate', goV1], 'linescope: --function <name> is required (linescope top <profile> lists the hottest ones)\n'],
    [
      ['annotate', '-f', 'main.main'],
      'linescope: which profile? Give a file (or - for standard input), or --service with --pyroscope\n',
    ],
    [
      ['annotate', goV1, 'other.pb.gz', '-f', 'main.main'],
      `linescope: one profile at a time (got ${goV1}, other.pb.gz)\n`,
    ],
    [
      ['annotate', 'missing.pb.gz', '-f', 'main.main'],
      `linescope: no profile at ${path.resolve(__dirname, '../../..')}/missing.pb.gz\n`,
    ],
    [
      ['annotate', goV1, '-f', 'main.main', '--format', 'yaml'],
      'linescope: --format must be text or json (got "yaml")\n',
    ],
    [
      ['annotate', goV1, '-f', 'main.main', '--service', 'shop-go'],
      'linescope: give a profile file or a Pyroscope query (--pyroscope, --service, --selector), not both\n',
    ],
    [
      ['annotate', '--service', 'shop-go', '-f', 'main.main'],
      'linescope: a Pyroscope query needs --pyroscope <url> (or PYROSCOPE_URL)\n',
    ],
    [
      ['top', goV1, '--from', 'now-2h', '--profile-type', 'memory'],
      'linescope: --from, --profile-type are for a Pyroscope query, not a file\n',
    ],
    [['top', goV1, '-n', '0'], 'linescope: --limit must be a positive whole number (got "0")\n'],
    [
      ['mcp', '--stdio'],
      'linescope: linescope mcp takes no arguments (got --stdio); it is configured by environment\n',
    ],
  ])('refuses %j', async (argv, message) => {
    expect(await runInProcess(argv)).toEqual({ status: 2, stdout: '', stderr: message });
  });
});

describe('annotate refusals a user can act on', () => {
  it('names the closest functions when there is no such function', async () => {
    const out = await runInProcess(['annotate', goV1, '-f', 'bestSubset']);
    expect(out.status).toBe(2);
    expect(out.stderr).toBe(
      'linescope: no function named "bestSubset" in the profile; closest names:\n' +
        '  github.com/linescope-demo/shop-go/pricing.bestSubset\n'
    );
  });

  it('sends to top when nothing is close', async () => {
    const out = await runInProcess(['annotate', goV1, '-f', 'zzzzzzzzzzzzzzzzzzzzzz']);
    expect(out.stderr).toBe(
      'linescope: no function named "zzzzzzzzzzzzzzzzzzzzzz" in the profile; `linescope top <profile>` lists the functions it has\n'
    );
  });

  it('names the files of the function when --file is not one of them', async () => {
    const out = await runInProcess(['annotate', goV1, '-f', 'main.handleRequest', '--file', 'main.go']);
    expect(out.stderr).toBe(
      'linescope: main.handleRequest is not in main.go; its files: /opt/linescope-samples/shop-go/main.go\n'
    );
  });

  it('lists the sample types the profile has', async () => {
    const out = await runInProcess(['top', heap, '--sample-type', 'cpu']);
    expect(out).toEqual({
      status: 2,
      stdout: '',
      stderr:
        'linescope: the profile has no sample type "cpu"; it has: alloc_objects, alloc_space, inuse_objects, inuse_space\n',
    });
  });

  it('reads a sample type by name or index', async () => {
    const byName = await runInProcess(['top', heap, '--sample-type', 'alloc_objects', '--format', 'json']);
    const byIndex = await runInProcess(['top', heap, '--sample-type', '0', '--format', 'json']);
    expect(JSON.parse(byName.stdout).sampleType).toBe('alloc_objects');
    expect(byIndex.stdout).toBe(byName.stdout);
  });

  it('says when the function has no line numbers', async () => {
    const b = new PprofBuilder();
    const f = b.function('main.stripped', 'main.go');
    b.sample([b.location(b.mapping(), [[f, 0]])], 5);
    const out = await runInProcess(['annotate', '-', '-f', 'main.stripped'], { stdin: b.encode() });
    expect(out.status).toBe(2);
    expect(out.stderr).toMatch(
      /^linescope: the profile has no line numbers for main\.stripped \(its 5 nanoseconds of cpu/
    );
  });

  it('says when a function is in the profile but no sample reached it', async () => {
    const b = new PprofBuilder();
    b.function('main.idle', 'main.go');
    const f = b.function('main.busy', 'main.go');
    b.sample([b.location(b.mapping(), [[f, 3]])], 5);
    const out = await runInProcess(['annotate', '-', '-f', 'main.idle'], { stdin: b.encode() });
    expect(out.stderr).toBe(
      'linescope: main.idle is in the profile, but none of its samples of this sample type reached it\n'
    );
  });

  it.each([
    [
      'empty standard input',
      new Uint8Array(0),
      'linescope: standard input was empty: pipe a pprof profile into it (e.g. < cpu.pprof)\n',
    ],
    ['text', Buffer.from('not a profile at all'), /^linescope: The profile is not a valid pprof protobuf: /],
    [
      'a broken gzip',
      Buffer.from([0x1f, 0x8b, 8, 0, 1, 2, 3]),
      /^linescope: The profile looks gzipped but could not be inflated/,
    ],
    ['a profile without samples', new PprofBuilder().encode(), `linescope: ${NO_SAMPLES}\n`],
  ])('refuses %s', async (_, stdin, message) => {
    const out = await runInProcess(['annotate', '-', '-f', 'main.main'], { stdin });
    expect(out.status).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toEqual(typeof message === 'string' ? message : expect.stringMatching(message));
  });

  it('never reads outside the --source checkout, even through a profile file name with ..', async () => {
    const b = new PprofBuilder();
    const f = b.function('main.escape', '../../../etc/passwd');
    b.sample([b.location(b.mapping(), [[f, 1]])], 5);
    const out = await runInProcess(['annotate', '-', '-f', 'main.escape', '--source', path.join(PROFILES_DIR, '..')], {
      stdin: b.encode(),
    });
    expect(out.status).toBe(0);
    expect(out.stdout).not.toContain('root:');
    expect(out.stdout).toContain('source: no file under');
  });
});

describe('text output', () => {
  it('shows a source-less function as its sampled lines, the three hottest marked', async () => {
    const out = await runInProcess(['annotate', goV1, '-f', 'github.com/linescope-demo/shop-go/pricing.bestSubset']);
    expect(out.stdout).toMatchSnapshot();
    expect(out.stdout.split('\n').filter((l) => / > /.test(l))).toHaveLength(3);
  });

  it('keeps the byte sizes of a heap profile readable', async () => {
    const out = await runInProcess(['top', heap, '-n', '2', '--sample-type', 'alloc_space']);
    expect(out.stdout.split('\n')[0]).toMatch(
      /^alloc_space \(bytes\), profile total [\d.]+ (MiB|GiB|KiB); 2 of \d+ functions$/
    );
  });
});
