/** `npm run docs:reference`: writes the generated reference pages to docs/reference/. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { renderReference } from './reference';

const folder = join(__dirname, '..', 'reference');
void renderReference().then((pages) => {
  for (const [name, text] of Object.entries(pages)) {
    writeFileSync(join(folder, name), text);
    console.log(`wrote docs/reference/${name}`);
  }
});
