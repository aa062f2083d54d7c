// The commit choice's names for the versions of a function (domain/versions.ts picks what tells them apart).
import { t } from '@grafana/i18n';
import { PLAIN_TEXT } from '../constants';
import { choiceNames, type VersionChoice, type VersionName } from '../domain/versions';

export function versionNameText(name: VersionName): string {
  switch (name.kind) {
    case 'ref':
      return name.ref;
    case 'unknown':
      return t('function-details.version-name.unknown', 'unknown version {{place}}', {
        place: name.place,
        interpolation: PLAIN_TEXT,
      });
    case 'profiled-as':
      return t('function-details.version-name.profiled-as', '{{ref}} (profiled as {{profiled}})', {
        ref: name.ref,
        profiled: name.profiled,
        interpolation: PLAIN_TEXT,
      });
    case 'place':
      return t('function-details.version-name.place', '{{ref}} (version {{place}} of {{of}})', {
        ref: name.ref,
        place: name.place,
        of: name.of,
        interpolation: PLAIN_TEXT,
      });
  }
}

/** Each choice's name as the commit choice and the comparison show it. */
export const choiceNameTexts = (choices: Array<Pick<VersionChoice, 'version' | 'replaced'>>): string[] =>
  choiceNames(choices).map(versionNameText);
