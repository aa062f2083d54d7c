import { languageOfPath } from './resolver';

describe('language by extension', () => {
  it.each(['.js', '.ts', '.mjs', '.cjs', '.jsx', '.tsx'])('%s is javascript', (ext) =>
    expect(languageOfPath(`a/b${ext}`)).toBe('javascript')
  );
  it.each(['.go', '.py', '', '.json'])('%s is not javascript', (ext) =>
    expect(languageOfPath(`a/b${ext}`)).not.toBe('javascript')
  );
  it('.s is go, .JS is not javascript (case-sensitive)', () => {
    expect(languageOfPath('runtime/asm_amd64.s')).toBe('go');
    expect(languageOfPath('x.JS')).toBe('');
  });
});
