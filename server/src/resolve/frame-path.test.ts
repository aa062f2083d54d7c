import { framePathForms, unwrapFramePath } from './frame-path';

describe('frame paths', () => {
  it.each([
    ['file:///usr/src/app/src/catalog.ts', '/usr/src/app/src/catalog.ts'],
    ['file:///srv/my%20app/index.mjs', '/srv/my app/index.mjs'],
    ['/usr/src/app/src/catalog.ts', '/usr/src/app/src/catalog.ts'],
    [
      '<internal:/usr/local/lib/ruby/3.3.0/rubygems/core_ext/kernel_require.rb>',
      '/usr/local/lib/ruby/3.3.0/rubygems/core_ext/kernel_require.rb',
    ],
    ['<internal:numeric>', '<internal:numeric>'],
    ['node:fs', 'node:fs'],
    // Once only: what the wrapper held is not unwrapped again.
    ['<internal:/file:///x.rb>', '/file:///x.rb'],
  ])('%s names the file %s', (path, file) => {
    expect(unwrapFramePath(path)).toBe(file);
  });

  it('matches mappings against the unwrapped path first, then the path as given', () => {
    expect(framePathForms('file:///app/a.mjs')).toEqual(['/app/a.mjs', 'file:///app/a.mjs']);
    expect(framePathForms('node:fs')).toEqual(['node:fs']);
  });
});
