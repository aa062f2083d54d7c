import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipEntries, zipEntries } from './archive';
import { checkArchive, checkPluginJson, checkReadme, hasStringLiteral, type Problem } from './checks';

const root = join(__dirname, '..');
const ID = 'acme-tool-app';
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
const LOGO = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>');
const TEMPLATE_LOGO = readFileSync(join(__dirname, 'fixtures/template-logo.svg'));
const README = `# Acme tool\n\nDoes useful things for people who profile services, in enough words for a catalog page.\n\n![A screenshot](https://example.com/shot.png)\n\nSee [the docs](https://example.com/docs) and [below](#setup).\n\n## Setup\n\nInstall it, then enable it in the plugin's page, and point it at a data source of your choosing.\n`;

const validPlugin = () => ({
  id: ID,
  type: 'app',
  name: 'Acme tool',
  info: {
    keywords: ['profiling'],
    description: 'A tool',
    author: { name: 'Acme', url: 'https://example.com' },
    links: [
      { name: 'Documentation', url: 'https://example.com/docs' },
      { name: 'Issues', url: 'https://example.com/issues' },
    ],
    logos: { small: 'img/logo.svg', large: 'img/logo.svg' },
    screenshots: [{ name: 'Main page', path: 'img/screenshots/main.png' }],
    version: '1.2.3',
    updated: '2026-12-01',
  },
  extensions: {
    addedLinks: [{ targets: ['grafana/x'], title: 'Open in Acme', description: 'Opens it in Acme’s page' }],
  },
  dependencies: { grafanaDependency: '>=13.0.0', plugins: [] },
});

const MODULE_JS = 'var a={title:"Open in Acme",description:"Opens it in Acme\\u2019s page",targets:["grafana/x"]};';

function archive(overrides: { plugin?: object; files?: Record<string, Uint8Array | string | undefined> } = {}) {
  const files: Record<string, Uint8Array | string | undefined> = {
    'plugin.json': JSON.stringify(overrides.plugin ?? validPlugin()),
    'module.js': MODULE_JS,
    'module.js.map': '{}',
    'README.md': README,
    LICENSE: 'Apache-2.0',
    'img/logo.svg': LOGO,
    'img/screenshots/main.png': PNG,
    ...overrides.files,
  };
  const entries = new Map<string, Uint8Array>();
  for (const [path, content] of Object.entries(files)) {
    if (content !== undefined) {
      entries.set(`${ID}/${path}`, typeof content === 'string' ? new TextEncoder().encode(content) : content);
    }
  }
  return entries;
}

const errors = (problems: Problem[]) => problems.filter((p) => p.level === 'error').map((p) => p.message);

describe('checkArchive', () => {
  it('accepts a complete archive, read back from its zip, with only the unsigned warning', () => {
    const problems = checkArchive(unzipEntries(zipEntries(archive())), ID);
    expect(problems).toEqual([
      expect.objectContaining({ level: 'warning', message: expect.stringMatching(/^unsigned/) }),
    ]);
  });

  it('wants everything inside one folder named after the plugin id', () => {
    const entries = archive();
    entries.set('stray.txt', new Uint8Array([1]));
    expect(errors(checkArchive(entries, ID))).toEqual([
      expect.stringContaining('one folder named after the plugin id'),
    ]);
    expect(errors(checkArchive(archive(), 'other-app'))[0]).toContain('"other-app/"');
  });

  it('names each missing or wrong file', () => {
    expect(errors(checkArchive(archive({ files: { 'module.js': undefined } }), ID))).toEqual([
      'module.js is missing: the plugin has not been built (npm run build)',
    ]);
    expect(errors(checkArchive(archive({ files: { 'README.md': undefined } }), ID))).toEqual([
      'README.md is missing: it is the plugin page in the catalog',
    ]);
    expect(errors(checkArchive(archive({ files: { 'img/screenshots/main.png': undefined } }), ID))).toEqual([
      'the screenshot "img/screenshots/main.png" is not in the archive',
    ]);
    expect(errors(checkArchive(archive({ files: { 'img/screenshots/main.png': 'not an image' } }), ID))).toEqual([
      'the screenshot img/screenshots/main.png is not a PNG, JPEG, GIF or WebP image',
    ]);
    expect(errors(checkArchive(archive({ files: { 'img/logo.svg': TEMPLATE_LOGO } }), ID))).toEqual([
      "the small logo img/logo.svg is the plugin template's placeholder",
      "the large logo img/logo.svg is the plugin template's placeholder",
    ]);
    expect(errors(checkArchive(archive({ files: { 'plugin.json': '{ not json' } }), ID))[0]).toMatch(
      /^plugin.json is not valid JSON/
    );
  });

  it('wants screenshots', () => {
    const plugin = validPlugin();
    plugin.info.screenshots = [];
    expect(errors(checkArchive(archive({ plugin }), ID))).toEqual([
      'info.screenshots is empty: the catalog page shows them',
    ]);
  });

  it('wants the extension link texts of plugin.json exactly as module.js registers them', () => {
    const plugin = validPlugin();
    plugin.extensions.addedLinks[0].description = "Opens it in Acme's page";
    expect(errors(checkArchive(archive({ plugin }), ID))).toEqual([
      'extensions.addedLinks description "Opens it in Acme\'s page" is not what module.js registers',
    ]);
  });

  it('warns when unsigned and refuses a signature of another build', () => {
    const stale = '{"plugin":"acme-tool-app","version":"1.2.2"}';
    expect(errors(checkArchive(archive({ files: { 'MANIFEST.txt': stale } }), ID))).toEqual([
      expect.stringContaining('MANIFEST.txt signs acme-tool-app@1.2.2, not acme-tool-app@1.2.3'),
    ]);
    const current = '-----BEGIN PGP SIGNED MESSAGE-----\n{"plugin":"acme-tool-app","version":"1.2.3"}';
    expect(checkArchive(archive({ files: { 'MANIFEST.txt': current } }), ID)).toEqual([]);
  });
});

describe('checkPluginJson', () => {
  it('holds the id to Grafana’s naming convention and to its type', () => {
    for (const id of ['AcmeApp', 'acme_tool-app', 'acme-tool-widget', 'a-b-c-app']) {
      expect(errors(checkPluginJson({ ...validPlugin(), id }, id))[0]).toContain('does not follow');
    }
    expect(errors(checkPluginJson({ ...validPlugin(), type: 'panel' }, ID))).toEqual([
      'id "acme-tool-app" does not end with its type "-panel"',
    ]);
  });

  it('reports unbuilt placeholders, bad dates, unknown fields, missing links and ranges', () => {
    const plugin = validPlugin() as ReturnType<typeof validPlugin> & { info: Record<string, unknown> };
    plugin.info.version = '%VERSION%';
    plugin.info.updated = '%TODAY%';
    plugin.info.keywords = [];
    plugin.info.author = { name: 'Acme' } as typeof plugin.info.author;
    plugin.info.links = [{ name: 'Home', url: 'http://example.com' }];
    plugin.info.colour = 'orange';
    plugin.dependencies.grafanaDependency = 'latest';
    expect(errors(checkPluginJson(plugin, ID))).toEqual([
      'info.colour is not a plugin.json field',
      'info.version "%VERSION%" is not a version (was the plugin built?)',
      'info.updated "%TODAY%" is not a date (YYYY-MM-DD)',
      'info.keywords needs at least one keyword',
      'info.author.url undefined must be an https URL',
      'info.links entry {"name":"Home","url":"http://example.com"} needs a name and an https URL',
      'info.links has no "documentation" link',
      'info.links has no "issues" link',
      'dependencies.grafanaDependency "latest" is not a Grafana version range like ">=13.0.0"',
    ]);
  });
});

describe('checkReadme', () => {
  it('wants absolute https images and links, anchors aside', () => {
    expect(checkReadme(README)).toEqual([]);
    expect(errors(checkReadme(`${README}\n![shot](docs/screenshots/a.png) and [code](../server/README.md)`))).toEqual([
      'README.md image docs/screenshots/a.png must be an absolute https URL (the catalog page is not in the repository)',
      'README.md link ../server/README.md must be an absolute https URL (the catalog page is not in the repository)',
    ]);
  });

  it('refuses template leftovers and near-empty pages', () => {
    expect(errors(checkReadme(`${README}\nThis is %PLUGIN_ID%.`))).toEqual([
      'README.md still reads like the plugin template',
    ]);
    expect(errors(checkReadme('# Tool\n'))).toEqual(['README.md still reads like the plugin template']);
  });
});

describe('hasStringLiteral', () => {
  it('finds the text in every quote style, escaped or not, and nothing else', () => {
    const script = `a("it\\u2019s",'don\\'t',\`tpl "x"\`,"tab\\tq\\"",/"/g,"Open in Acme")`;
    for (const value of ['it’s', "don't", 'tpl "x"', 'tab\tq"', 'Open in Acme']) {
      expect({ value, found: hasStringLiteral(script, value) }).toEqual({ value, found: true });
    }
    for (const value of ["it's", 'Open in', 'pen in Acme', 'tab']) {
      expect({ value, found: hasStringLiteral(script, value) }).toEqual({ value, found: false });
    }
  });
});

describe('the Linescope sources the build packages', () => {
  const plugin = JSON.parse(readFileSync(join(root, 'src/plugin.json'), 'utf8'));
  const built = { ...plugin, info: { ...plugin.info, version: '0.1.0', updated: '2026-12-01' } };

  it('has a plugin.json the catalog accepts once built', () => {
    expect(errors(checkPluginJson(built, plugin.id))).toEqual([]);
  });

  it('has a catalog page with absolute links only', () => {
    expect(errors(checkReadme(readFileSync(join(root, 'src/README.md'), 'utf8')))).toEqual([]);
  });

  it('has screenshots from docs/screenshots and its own logo', () => {
    const files: Record<string, Uint8Array> = {};
    for (const shot of plugin.info.screenshots as Array<{ path: string }>) {
      expect(shot.path).toMatch(/^img\/screenshots\/[\w-]+\.png$/);
      files[shot.path] = readFileSync(join(root, 'docs/screenshots', shot.path.replace('img/screenshots/', '')));
    }
    files['img/logo.svg'] = readFileSync(join(root, 'src', plugin.info.logos.small));
    const entries = archive({ plugin: { ...built, extensions: undefined }, files });
    const renamed = new Map([...entries].map(([path, bytes]) => [path.replace(`${ID}/`, `${plugin.id}/`), bytes]));
    expect(errors(checkArchive(renamed, plugin.id))).toEqual([]);
  });
});
