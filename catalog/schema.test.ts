import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkAgainstSchema } from './schema';

const pluginJson = () => JSON.parse(readFileSync(join(__dirname, '../src/plugin.json'), 'utf8'));

describe("plugin.json against the validator's schema", () => {
  it('accepts our plugin.json', () => {
    expect(checkAgainstSchema(pluginJson(), 'src/plugin.json')).toEqual([]);
  });

  it('refuses a key the schema does not know (additionalProperties: false), naming it', () => {
    const problems = checkAgainstSchema({ ...pluginJson(), actionSets: [] }, 'src/plugin.json');
    expect(problems).toEqual([
      expect.objectContaining({ level: 'error', message: expect.stringContaining('actionSets') }),
    ]);
  });

  it('refuses an id outside the naming convention and an extension link with a short title', () => {
    const plugin = pluginJson();
    plugin.id = 'Linescope';
    plugin.extensions.addedLinks[0].title = 'Short';
    const messages = checkAgainstSchema(plugin, 'p').map((p) => p.message);
    expect(messages.some((m) => m.startsWith('p/id must match pattern'))).toBe(true);
    expect(messages.some((m) => m.startsWith('p/extensions/addedLinks/0/title'))).toBe(true);
  });

  it('refuses a plugin.json without keywords', () => {
    const plugin = pluginJson();
    plugin.info.keywords = [];
    expect(checkAgainstSchema(plugin, 'p').map((p) => p.message)).toContainEqual(
      expect.stringContaining('p/info/keywords')
    );
  });
});
