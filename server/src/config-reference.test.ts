import { loadConfig } from './config';
import { CONFIG_VARIABLES } from './config-reference';

/** The names loadConfig asks the environment for, read through a proxy that records them. */
function namesRead(): Set<string> {
  const read = new Set<string>();
  const env = new Proxy<Record<string, string | undefined>>(
    {},
    {
      get(_target, name) {
        if (typeof name === 'string') {
          read.add(name);
        }
        return undefined;
      },
    }
  );
  loadConfig(env);
  return read;
}

describe('the environment reference table', () => {
  it('names exactly the variables loadConfig reads, aliases included', () => {
    const documented = CONFIG_VARIABLES.flatMap((v) => [v.name, ...(v.aliases ?? [])]);
    expect(new Set(documented).size).toBe(documented.length);
    expect([...namesRead()].sort()).toEqual([...documented].sort());
  });

  it('gives, for each field, the value loadConfig really uses when the variable is unset', () => {
    const config = loadConfig({});
    for (const variable of CONFIG_VARIABLES.filter((v) => v.field !== undefined)) {
      expect({ name: variable.name, value: config[variable.field!] }).toEqual({
        name: variable.name,
        value: variable.unset,
      });
    }
  });

  it('says something for every variable', () => {
    for (const variable of CONFIG_VARIABLES) {
      expect(variable.meaning.length).toBeGreaterThan(10);
      expect(variable.default).not.toBe('');
    }
  });
});
