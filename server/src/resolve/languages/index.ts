/**
 * The languages GetFile resolves, one module each. A frame's path is tried against them in this order (the first
 * that owns it wins), and `.pyroscope.yaml` accepts their names, in this order, as a mapping's `language:`.
 */
import { go } from './go';
import { java } from './java';
import { LanguageRules } from './language';
import { node } from './node';
import { python } from './python';
import { ruby } from './ruby';

export const LANGUAGE_RULES: readonly LanguageRules[] = [go, java, python, node, ruby];

/** Every `language:` name a mapping may give. */
export const LANGUAGES: readonly string[] = LANGUAGE_RULES.flatMap((rules) => rules.names);

/** The rules a `language:` name stands for. */
export function rulesNamed(name: string): LanguageRules | undefined {
  return LANGUAGE_RULES.find((rules) => rules.names.includes(name));
}
