/**
 * The docs as a newcomer meets them: every page reachable from the README, every relative link and anchor alive,
 * every YAML and JSON snippet parsing (and every `.pyroscope.yaml` one valid), every command one this checkout has.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';

import { HOST_MAPPINGS } from '../../server/src/hosts/table';
import { parseConfig } from '../../server/src/resolve/config';
import { codeBlocks, headingAnchors, linkTargets } from './markdown';

const root = resolve(__dirname, '..', '..');

function markdownUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? markdownUnder(path) : name.endsWith('.md') ? [path] : [];
  });
}

const docsPages = markdownUnder(join(root, 'docs'));
const pages = [join(root, 'README.md'), join(root, 'ARCHITECTURE.md'), join(root, 'SECURITY.md'), ...docsPages].filter(
  (p) => existsSync(p)
);
const read = (path: string) => readFileSync(path, 'utf8');
const name = (path: string) => relative(root, path);

/** package.json scripts and bins of the root and of every workspace. */
function commandsOfCheckout(): { scripts: Map<string, Set<string>>; bins: Set<string> } {
  const manifests = [
    'package.json',
    'server/package.json',
    ...readdirSync(join(root, 'packages')).map((p) => `packages/${p}/package.json`),
  ];
  const scripts = new Map<string, Set<string>>();
  const bins = new Set<string>(readdirSync(join(root, 'node_modules', '.bin')));
  for (const manifest of manifests.filter((m) => existsSync(join(root, m)))) {
    const json = JSON.parse(read(join(root, manifest))) as {
      name: string;
      scripts?: Record<string, string>;
      bin?: string | Record<string, string>;
    };
    scripts.set(manifest === 'package.json' ? '' : json.name, new Set(Object.keys(json.scripts ?? {})));
    if (json.bin) {
      for (const bin of typeof json.bin === 'string' ? [json.name] : Object.keys(json.bin)) {
        bins.add(bin);
      }
    }
  }
  return { scripts, bins };
}

describe('the docs', () => {
  it('are all reachable from the README (every page under docs/ is linked from it, or from a page it links)', () => {
    const linked = new Set<string>();
    const queue = [join(root, 'README.md')];
    while (queue.length > 0) {
      const page = queue.pop()!;
      for (const target of linkTargets(read(page))) {
        const file = target.split('#')[0];
        if (file === '' || /^[a-z]+:/i.test(file) || !file.endsWith('.md')) {
          continue;
        }
        const path = resolve(dirname(page), file);
        if (!linked.has(path) && existsSync(path)) {
          linked.add(path);
          queue.push(path);
        }
      }
    }
    expect(docsPages.filter((p) => !linked.has(p)).map(name)).toEqual([]);
  });

  it('the README links every page under docs/ (not reference/) directly and stays under 200 lines', () => {
    const readme = read(join(root, 'README.md'));
    const direct = new Set(linkTargets(readme).map((t) => resolve(root, t.split('#')[0])));
    const topLevel = docsPages.filter((p) => dirname(p) === join(root, 'docs'));
    expect(topLevel.filter((p) => !direct.has(p)).map(name)).toEqual([]);
    expect(readme.split('\n').length).toBeLessThan(200);
  });

  it.each(pages.map((p) => [name(p), p]))('%s: relative links and anchors point at what exists', (_n, page) => {
    const broken: string[] = [];
    for (const target of linkTargets(read(page))) {
      if (/^[a-z]+:/i.test(target)) {
        continue;
      }
      const [file, anchor] = target.split('#');
      const path = file === '' ? page : resolve(dirname(page), decodeURI(file));
      if (!existsSync(path)) {
        broken.push(target);
      } else if (anchor && path.endsWith('.md') && !headingAnchors(read(path)).has(anchor)) {
        broken.push(target);
      }
    }
    expect(broken).toEqual([]);
  });

  it.each(pages.map((p) => [name(p), p]))(
    '%s: YAML and JSON snippets parse; .pyroscope.yaml snippets are valid',
    (_n, page) => {
      for (const block of codeBlocks(read(page))) {
        if (block.lang === 'yaml' || block.lang === 'yml') {
          const docs = parseAllDocuments(block.text);
          const errors = (Array.isArray(docs) ? docs : [docs]).flatMap((d) => d.errors.map((e) => e.message));
          expect({ snippet: block.text.slice(0, 80), errors }).toEqual({
            snippet: block.text.slice(0, 80),
            errors: [],
          });
          if (/^source_code:/m.test(block.text)) {
            expect({
              snippet: block.text.slice(0, 80),
              problems: parseConfig(block.text, HOST_MAPPINGS).problems,
            }).toEqual({
              snippet: block.text.slice(0, 80),
              problems: [],
            });
          }
        }
        if (block.lang === 'json') {
          expect(() => JSON.parse(block.text)).not.toThrow();
        }
      }
    }
  );

  it.each(pages.map((p) => [name(p), p]))(
    '%s: npm and npx commands name scripts and programs this checkout has',
    (_n, page) => {
      const { scripts, bins } = commandsOfCheckout();
      const unknown: string[] = [];
      for (const block of codeBlocks(read(page)).filter((b) => ['sh', 'bash', 'shell', 'console'].includes(b.lang))) {
        for (const line of block.text.split('\n')) {
          const command = line.replace(/#.*$/, '').trim();
          const run = /^(?:[A-Z_]+=\S*\s+)*npm (?:run (\S+)|(start|test))(?:\s+-w\s+(\S+))?/.exec(command);
          if (run) {
            const script = run[1] ?? run[2];
            const workspace = run[3] ? JSON.parse(read(join(root, run[3], 'package.json'))).name : '';
            if (!scripts.get(workspace)?.has(script)) {
              unknown.push(command);
            }
          }
          const npx = /^(?:[A-Z_]+=\S*\s+)*npx (?!--)(\S+)/.exec(command);
          if (npx && !bins.has(npx[1])) {
            unknown.push(command);
          }
        }
      }
      expect(unknown).toEqual([]);
    }
  );
});

describe('the screenshots in the docs', () => {
  /** Every string and template literal of the e2e specs (without `.png`), templates read as patterns. */
  function takenBySpecs(): RegExp[] {
    const specs = readdirSync(join(root, 'e2e/specs')).filter((f) => f.endsWith('.ts'));
    const escape = (text: string) => text.replace(/[.*+?^()|[\]\\]/g, '\\$&');
    return specs
      .flatMap((spec) =>
        [...read(join(root, 'e2e/specs', spec)).matchAll(/'([\w-]+)(?:\.png)?'|`([^`]+?)(?:\.png)?`/g)].map((m) =>
          m[1] !== undefined
            ? new RegExp(`^${escape(m[1])}$`)
            : new RegExp(
                `^${m[2]
                  .split(/\$\{[^}]*\}/)
                  .map(escape)
                  .join('.+')}$`
              )
        )
      )
      .filter((pattern) => pattern.source.replace(/\.\+|[\^$]/g, '').length >= 4); // not a bare `${name}`
  }

  it('are each taken by an e2e spec (so `npm run e2e` + `npm run docs:screenshots` keeps them current)', () => {
    const patterns = takenBySpecs();
    const used = new Set(pages.flatMap((p) => [...read(p).matchAll(/screenshots\/([\w-]+)\.png/g)].map((m) => m[1])));
    expect(used.size).toBeGreaterThan(0);
    expect([...used].filter((n) => !patterns.some((p) => p.test(n)))).toEqual([]);
  });
});

describe('SECURITY.md', () => {
  /** Every test file of the checkout, by its path from the root. */
  function testFiles(folder = root, found: string[] = []): string[] {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory() && !['node_modules', 'dist', '.git', 'artifacts'].includes(entry.name)) {
        testFiles(path, found);
      } else if (/\.(test|spec)\.tsx?$/.test(entry.name)) {
        found.push(relative(root, path));
      }
    }
    return found;
  }

  it('names only test files that exist (a path, or a file of server/test/)', () => {
    const files = testFiles();
    const named = [...read(join(root, 'SECURITY.md')).matchAll(/`([\w./-]+\.(?:test|spec)\.tsx?)`/g)].map((m) => m[1]);
    expect(named.length).toBeGreaterThan(10);
    expect(named.filter((n) => !files.includes(n) && !files.includes(`server/test/${n}`))).toEqual([]);
  });
});
