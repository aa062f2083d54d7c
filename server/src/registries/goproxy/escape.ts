/**
 * Go's case encoding of module paths and versions in proxy URLs and the module cache (golang.org/x/mod/module
 * EscapePath/UnescapePath): each capital becomes `!` and its lower case, so that case-insensitive file systems
 * and URLs keep `github.com/BurntSushi/x` and `github.com/burntsushi/x` apart. `!` and non-ASCII are refused in both forms.
 */
export class BadModulePathError extends Error {}

export function escapeModulePath(path: string): string {
  refuseBadCharacters(path);
  if (path.includes('!')) {
    throw new BadModulePathError(`module path or version must not contain '!': ${path}`);
  }
  return path.replace(/[A-Z]/g, (capital) => `!${capital.toLowerCase()}`);
}

export function unescapeModulePath(escaped: string): string {
  refuseBadCharacters(escaped);
  if (/[A-Z]/.test(escaped)) {
    throw new BadModulePathError(`escaped module path or version must not contain capitals: ${escaped}`);
  }
  if (/!(?![a-z])/.test(escaped)) {
    throw new BadModulePathError(`'!' must be followed by a lower-case letter: ${escaped}`);
  }
  return escaped.replace(/!([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

function refuseBadCharacters(text: string): void {
  // Printable ASCII only; Go's own checks are narrower per element, the proxy answers for the rest.
  if (text === '' || !/^[\x21-\x7e]+$/.test(text)) {
    throw new BadModulePathError(`module path or version must be non-empty printable ASCII: ${JSON.stringify(text)}`);
  }
}
