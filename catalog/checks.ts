/**
 * What Grafana's plugin validator checks before the catalog accepts a plugin archive, as far as it can be checked
 * without Grafana's servers. Pure: takes the archive's entries (path → bytes), returns the problems found.
 *
 * plugin.json is also checked against the validator's own schema (schema.ts); the checks here are what the
 * catalog reads beyond it (author and links as https, documentation and issues links, logos and screenshots that
 * are in the archive).
 */
import { createHash } from 'node:crypto';
import semver from 'semver';

export interface Problem {
  /** An error stops the catalog from accepting the archive; a warning is worth knowing before submitting. */
  level: 'error' | 'warning';
  message: string;
}

export type ArchiveEntries = ReadonlyMap<string, Uint8Array>;

/** Grafana's naming convention for plugin ids: `<org>-[<name>-]<type>`. */
export const PLUGIN_ID_PATTERN = /^[0-9a-z]+-([0-9a-z]+-)?(app|panel|datasource|secretsmanager|transformer)$/;
const PLUGIN_TYPES = ['app', 'datasource', 'panel', 'renderer', 'secretsmanager', 'transformer'];
const GRAFANA_DEPENDENCY_PATTERN =
  /^(<=|>=|<|>|=|~|\^)?([0-9]+)(\.[0-9x*]+)(\.[0-9x*]+)?(\s(<=|>=|<|=>)?([0-9]+)(\.[0-9x]+)(\.[0-9x]+))?$/;
const INFO_KEYS = ['author', 'build', 'description', 'keywords', 'links', 'logos', 'screenshots', 'updated', 'version'];
/** The create-plugin template's logo: the catalog wants the plugin's own. */
const TEMPLATE_LOGO_SHA256 = '1defc6f7e585c67657bcfd8fddc599ee7dfa82f8674413f49fa274c2cd453ec6';
const IMAGE_SIGNATURES: Array<[string, number[]]> = [
  ['png', [0x89, 0x50, 0x4e, 0x47]],
  ['jpeg', [0xff, 0xd8, 0xff]],
  ['gif', [0x47, 0x49, 0x46, 0x38]],
  ['webp', [0x52, 0x49, 0x46, 0x46]],
];

export interface ExtensionLink {
  title: string;
  description: string;
}

interface PluginJson {
  id?: unknown;
  type?: unknown;
  name?: unknown;
  info?: {
    author?: { name?: unknown; url?: unknown; [key: string]: unknown };
    keywords?: unknown;
    links?: unknown;
    logos?: { small?: unknown; large?: unknown };
    screenshots?: unknown;
    updated?: unknown;
    version?: unknown;
    [key: string]: unknown;
  };
  dependencies?: { grafanaDependency?: unknown };
  extensions?: { addedLinks?: unknown };
}

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const isHttpsUrl = (value: unknown) => {
  try {
    return typeof value === 'string' && new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
};

/** Every check over a packaged archive whose single top-level folder must be the plugin id. */
export function checkArchive(entries: ArchiveEntries, expectedId: string): Problem[] {
  const problems: Problem[] = [];
  const error = (message: string) => problems.push({ level: 'error', message });
  const files = [...entries.keys()].filter((path) => !path.endsWith('/'));
  const roots = new Set(files.map((path) => path.split('/')[0]));
  if (roots.size !== 1 || !roots.has(expectedId) || files.some((path) => !path.includes('/'))) {
    error(
      `the archive must hold one folder named after the plugin id, "${expectedId}/"; it holds: ${[...roots].join(', ')}`
    );
  }
  const file = (path: string) => entries.get(`${expectedId}/${path}`);

  const manifestBytes = file('plugin.json');
  if (!manifestBytes) {
    error(`${expectedId}/plugin.json is missing`);
    return problems;
  }
  let plugin: PluginJson;
  try {
    plugin = JSON.parse(text(manifestBytes)) as PluginJson;
  } catch (e) {
    error(`plugin.json is not valid JSON: ${(e as Error).message}`);
    return problems;
  }
  problems.push(...checkPluginJson(plugin, expectedId));

  const moduleJs = file('module.js');
  if (!moduleJs) {
    error('module.js is missing: the plugin has not been built (npm run build)');
  } else {
    if (!file('module.js.map')) {
      problems.push({ level: 'warning', message: 'module.js.map is missing: reviewers ask for source maps' });
    }
    problems.push(...checkExtensionLinks(plugin, text(moduleJs)));
  }

  const readme = file('README.md');
  if (!readme) {
    error('README.md is missing: it is the plugin page in the catalog');
  } else {
    problems.push(...checkReadme(text(readme)));
  }
  if (!file('LICENSE')) {
    problems.push({ level: 'warning', message: 'LICENSE is missing from the archive' });
  }

  for (const [size, logo] of Object.entries(plugin.info?.logos ?? {})) {
    const bytes = typeof logo === 'string' ? file(logo) : undefined;
    if (!bytes) {
      error(`the ${size} logo ${JSON.stringify(logo)} is not in the archive`);
    } else if (!/<svg[\s>]/.test(text(bytes)) && !imageType(bytes)) {
      error(`the ${size} logo ${logo} is not an image`);
    } else if (createHash('sha256').update(bytes).digest('hex') === TEMPLATE_LOGO_SHA256) {
      error(`the ${size} logo ${logo} is the plugin template's placeholder`);
    }
  }
  const screenshots = Array.isArray(plugin.info?.screenshots) ? plugin.info.screenshots : [];
  if (screenshots.length === 0) {
    error('info.screenshots is empty: the catalog page shows them');
  }
  for (const shot of screenshots as Array<{ name?: unknown; path?: unknown }>) {
    const bytes = typeof shot.path === 'string' ? file(shot.path) : undefined;
    if (typeof shot.name !== 'string' || shot.name.trim() === '') {
      error(`the screenshot ${JSON.stringify(shot.path)} has no name`);
    }
    if (!bytes) {
      error(`the screenshot ${JSON.stringify(shot.path)} is not in the archive`);
    } else if (!imageType(bytes)) {
      error(`the screenshot ${shot.path} is not a PNG, JPEG, GIF or WebP image`);
    }
  }

  problems.push(...checkSignature(file('MANIFEST.txt'), plugin));
  return problems;
}

/** The rules of Grafana's plugin.json schema for the fields the catalog reads, plus what the catalog adds. */
export function checkPluginJson(plugin: PluginJson, expectedId: string): Problem[] {
  const problems: Problem[] = [];
  const error = (message: string) => problems.push({ level: 'error', message });
  if (typeof plugin.id !== 'string' || !PLUGIN_ID_PATTERN.test(plugin.id)) {
    error(`id ${JSON.stringify(plugin.id)} does not follow <org>-[<name>-]<type> (${PLUGIN_ID_PATTERN.source})`);
  } else if (plugin.id !== expectedId) {
    error(`id "${plugin.id}" is not the expected "${expectedId}"`);
  } else if (!plugin.id.endsWith(`-${String(plugin.type)}`)) {
    error(`id "${plugin.id}" does not end with its type "-${String(plugin.type)}"`);
  }
  if (typeof plugin.type !== 'string' || !PLUGIN_TYPES.includes(plugin.type)) {
    error(`type ${JSON.stringify(plugin.type)} must be one of ${PLUGIN_TYPES.join(', ')}`);
  }
  if (typeof plugin.name !== 'string' || plugin.name.trim() === '') {
    error('name is missing');
  }
  const info = plugin.info;
  if (!info) {
    error('info is missing');
    return problems;
  }
  for (const key of Object.keys(info)) {
    if (!INFO_KEYS.includes(key)) {
      error(`info.${key} is not a plugin.json field`);
    }
  }
  if (typeof info.version !== 'string' || semver.valid(info.version) === null) {
    error(`info.version ${JSON.stringify(info.version)} is not a version (was the plugin built?)`);
  }
  if (typeof info.updated !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(info.updated)) {
    error(`info.updated ${JSON.stringify(info.updated)} is not a date (YYYY-MM-DD)`);
  }
  const keywords = info.keywords;
  if (!Array.isArray(keywords) || keywords.length === 0 || keywords.some((k) => typeof k !== 'string' || !k.trim())) {
    error('info.keywords needs at least one keyword');
  }
  if (!info.logos || typeof info.logos.small !== 'string' || typeof info.logos.large !== 'string') {
    error('info.logos needs a small and a large logo');
  }
  if (typeof info.author?.name !== 'string' || !info.author.name.trim()) {
    error('info.author.name is missing');
  }
  if (!isHttpsUrl(info.author?.url)) {
    error(`info.author.url ${JSON.stringify(info.author?.url)} must be an https URL`);
  }
  const links = Array.isArray(info.links) ? (info.links as Array<{ name?: unknown; url?: unknown }>) : [];
  for (const link of links) {
    if (typeof link.name !== 'string' || !isHttpsUrl(link.url)) {
      error(`info.links entry ${JSON.stringify(link)} needs a name and an https URL`);
    }
  }
  for (const wanted of ['documentation', 'issues']) {
    if (!links.some((link) => typeof link.name === 'string' && link.name.toLowerCase().includes(wanted))) {
      error(`info.links has no "${wanted}" link`);
    }
  }
  const range = plugin.dependencies?.grafanaDependency;
  if (typeof range !== 'string' || !GRAFANA_DEPENDENCY_PATTERN.test(range) || semver.validRange(range) === null) {
    error(`dependencies.grafanaDependency ${JSON.stringify(range)} is not a Grafana version range like ">=13.0.0"`);
  }
  return problems;
}

/**
 * Grafana compares the links a plugin registers at run time with the ones plugin.json declares, and ignores those
 * that differ: each declared title and description must appear, character for character, in module.js.
 */
export function checkExtensionLinks(plugin: PluginJson, moduleJs: string): Problem[] {
  const declared = Array.isArray(plugin.extensions?.addedLinks)
    ? (plugin.extensions.addedLinks as Array<Partial<ExtensionLink>>)
    : [];
  const problems: Problem[] = [];
  for (const link of declared) {
    for (const field of ['title', 'description'] as const) {
      const value = link[field];
      if (typeof value !== 'string' || value === '') {
        problems.push({ level: 'error', message: `extensions.addedLinks: a link has no ${field}` });
      } else if (!hasStringLiteral(moduleJs, value)) {
        problems.push({
          level: 'error',
          message: `extensions.addedLinks ${field} ${JSON.stringify(value)} is not what module.js registers`,
        });
      }
    }
  }
  return problems;
}

/** The catalog page: no template leftovers, images and links that work outside the repository. */
export function checkReadme(markdown: string): Problem[] {
  const problems: Problem[] = [];
  if (/%PLUGIN_ID%|%VERSION%|%TODAY%|create-plugin|<!--\s*TODO/i.test(markdown) || markdown.trim().length < 200) {
    problems.push({ level: 'error', message: 'README.md still reads like the plugin template' });
  }
  for (const match of markdown.matchAll(/(!?)\[[^\]]*\]\(\s*<?([^)\s>]+)>?[^)]*\)/g)) {
    const [, bang, target] = match;
    if (target.startsWith('#')) {
      continue;
    }
    if (!isHttpsUrl(target)) {
      problems.push({
        level: 'error',
        message: `README.md ${bang ? 'image' : 'link'} ${target} must be an absolute https URL (the catalog page is not in the repository)`,
      });
    }
  }
  return problems;
}

/** No surprises about signing: unsigned is said out loud; a signature left from another build is an error. */
export function checkSignature(manifest: Uint8Array | undefined, plugin: PluginJson): Problem[] {
  if (!manifest) {
    return [
      {
        level: 'warning',
        message: `unsigned: Grafana loads it only with allow_loading_unsigned_plugins = ${String(plugin.id)} (sign it with \`npm run sign\` for the catalog)`,
      },
    ];
  }
  const body = text(manifest);
  const signedId = /"plugin"\s*:\s*"([^"]+)"/.exec(body)?.[1];
  const signedVersion = /"version"\s*:\s*"([^"]+)"/.exec(body)?.[1];
  if (signedId !== plugin.id || signedVersion !== plugin.info?.version) {
    return [
      {
        level: 'error',
        message: `MANIFEST.txt signs ${String(signedId)}@${String(signedVersion)}, not ${String(plugin.id)}@${String(plugin.info?.version)}: sign this build again or delete it`,
      },
    ];
  }
  return [];
}

function imageType(bytes: Uint8Array): string | undefined {
  return IMAGE_SIGNATURES.find(([, signature]) => signature.every((byte, i) => bytes[i] === byte))?.[0];
}

/**
 * Whether a script holds this exact text as a string literal, in any quote style and with non-ASCII characters
 * either as they are or \u-escaped (what minifiers write). Searching for the literal's spellings, rather than
 * tokenizing, cannot be thrown off by a regex or template in minified code.
 */
export function hasStringLiteral(source: string, value: string): boolean {
  const asciiOnly = (quoted: string) =>
    quoted.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const inner = JSON.stringify(value).slice(1, -1);
  const spellings = [
    `"${inner}"`,
    `'${inner.replace(/\\"/g, '"').replace(/'/g, "\\'")}'`,
    `\`${inner.replace(/\\"/g, '"')}\``,
  ];
  return spellings.some((spelling) => source.includes(spelling) || source.includes(asciiOnly(spelling)));
}
