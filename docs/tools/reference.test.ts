import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { renderReference } from './reference';

describe('docs/reference/', () => {
  it('holds exactly what the code renders (run `npm run docs:reference` after changing the code it describes)', async () => {
    const pages = await renderReference();
    expect(Object.keys(pages).length).toBeGreaterThan(0);
    for (const [name, text] of Object.entries(pages)) {
      const committed = readFileSync(join(__dirname, '..', 'reference', name), 'utf8');
      expect({ page: name, text: committed }).toEqual({ page: name, text });
    }
  });

  it('documents every variable, metric and label name the code defines', async () => {
    const pages = await renderReference();
    expect(pages['environment.md']).toContain('`CACHE_URL`');
    expect(pages['metrics.md']).toContain('`linescope_rpc_duration_seconds`');
    expect(pages['sessions.md']).toContain('`POST /vcs.v1.VCSService/GetFile`');
    expect(pages['labels.md']).toContain('`service_repository`');
    expect(pages['pyroscope-yaml.md']).toContain('`source.gitlab`');
  });
});
