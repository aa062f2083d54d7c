/** Java frames: the function name gives the file (inner classes and lambdas stripped). */
import { LanguageRules } from './language';
import { underRoot } from '../paths';
import { Resolution, Resolved } from '../resolution';

/**
 * Pyroscope's Java agent writes frames without a file, named by class and method (`com/acme/Foo.bar`): with no
 * path, such a name says Java.
 */
const JAVA_FRAME_NAME = /^[A-Za-z_$][\w$]*(\/[A-Za-z_$][\w$]*)+\.[\w$<>]+$/;

export const java = {
  names: ['java'],
  ownsPath: (_path, extension) => extension === '.java',
  ownsFunctionName: (functionName) => JAVA_FRAME_NAME.test(functionName),
  examplePaths: ['src/main/java/com/acme/shop/Catalog.java'],
  // A mapping of Java classes takes the class path in full, whatever prefix matched.
  fileForMapping: (request) => javaFileOf(request.functionName, request.path),
  find: findJavaFile,
  notFoundReason: (_r, frame) =>
    frame.mapped ? 'no mapping found the file, file not resolvable' : 'no mappings provided, file not resolvable',
} satisfies LanguageRules;

/**
 * `com/example/Outer$Inner.method` → `com/example/Outer.java` (Pyroscope's rule). Dotted names
 * (`com.example.Outer$Inner.method`), which Pyroscope turns into `com.java`, are split at the first segment that
 * starts with an upper-case letter.
 */
export function javaFunctionToPath(functionName: string): string {
  // Lambda and hidden classes: `pkg/Outer$$Lambda$98+0x00007f1a…/2143437117.apply` (the suffix contains a "/").
  let name = functionName.replace(/\$\$Lambda.*$/, '').replace(/\+0x[0-9a-f]+\/.*$/, '');
  if (!name.includes('/') && /^[a-z_][\w$]*(\.[\w$]+)+$/.test(name)) {
    const parts = name.split('.');
    const classAt = parts.findIndex((p) => /^[A-Z]/.test(p));
    if (classAt > 0) {
      name = `${parts.slice(0, classAt).join('/')}/${parts.slice(classAt).join('.')}`;
    }
  }
  const segments = name.split('/');
  const last = segments[segments.length - 1];
  const cut = last.search(/[.$]/);
  segments[segments.length - 1] = cut > 0 ? last.slice(0, cut) : last;
  return `${segments.join('/')}.java`;
}

/** The Java file of a frame: from the function name, else from a `.java` path. */
function javaFileOf(functionName: string, path: string): string {
  if (functionName) {
    return javaFunctionToPath(functionName);
  }
  return path.replace(/^\/+/, '');
}

/** After the mappings (which take the class path in full): the class in the service's own tree. */
async function findJavaFile(r: Resolution): Promise<Resolved | undefined> {
  const file = javaFileOf(r.request.functionName, r.request.path);
  if (!file || file === '.java') {
    return undefined;
  }
  // Without a mapping: the class in the service's own tree (src/main/java/… or any source root).
  const files = await r.listFiles(r.request.repository, r.request.ref);
  if (files) {
    const root = underRoot(r.request.rootPath, '');
    const hit = [...files]
      .filter((f) => (root === '' || f.startsWith(`${root}/`)) && (f === file || f.endsWith(`/${file}`)))
      .sort((a, b) => a.length - b.length)[0];
    if (hit) {
      return r.tryFile('java:source-root', r.request.repository, hit, r.request.ref);
    }
    r.attempts.push({
      rule: 'java:source-root',
      repositoryUrl: r.request.repository.webUrl,
      ref: r.ref,
      path: `*/${file}`,
      outcome: 'not_found: no such file in the tree',
    });
    return undefined;
  }
  return r.tryUnderRoot('java:source-root', `src/main/java/${file}`);
}
