/** plugin.json against the plugin validator's own JSON schema (vendored: validator/README.md says which). */
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import schema from './validator/plugin.schema.json';
import type { Problem } from './checks';

// The schema's patterns escape '-' (fine for the validator's Go regexps, refused by JavaScript's unicode mode).
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);

/** The schema's complaints about one plugin.json, each as an error naming where it is. */
export function checkAgainstSchema(pluginJson: unknown, where: string): Problem[] {
  if (validate(pluginJson)) {
    return [];
  }
  return (validate.errors ?? []).map((e) => ({
    level: 'error' as const,
    message: `${where}${e.instancePath || ''} ${e.message ?? 'is invalid'}${
      e.keyword === 'additionalProperties'
        ? `: ${String((e.params as { additionalProperty?: string }).additionalProperty)}`
        : ''
    } (validator schema, metadatavalid)`,
  }));
}
