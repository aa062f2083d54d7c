import { execFileSync } from 'node:child_process';
import path from 'node:path';

// ESLint loads its flat config as an ES module, which Jest cannot, so probes are linted by a Node child process.
// The probes are not files of the TypeScript project: they are linted without type information.
const LINT_PROBES = `
import { ESLint } from 'eslint';
const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfig: {
    languageOptions: { parserOptions: { project: null, projectService: false } },
    rules: { '@typescript-eslint/no-deprecated': 'off' },
  },
});
const [probes, ruleId] = JSON.parse(process.argv[1]);
const out = [];
for (const [filePath, code] of probes) {
  const [result] = await eslint.lintText(code, { filePath });
  out.push(result.messages.filter((m) => m.ruleId === ruleId).map((m) => m.message));
}
console.log('LINT_RESULT ' + JSON.stringify(out));
`;

const root = path.resolve(__dirname, '../..');

/**
 * Lints each probe (a path under the repository root, as if the file were there, and its code) with the project's
 * own ESLint config, and gives the messages of `ruleId` for each.
 */
export function lintProbes(probes: Array<[file: string, code: string]>, ruleId: string): string[][] {
  const input = probes.map(([file, code]) => [path.join(root, file), code]);
  const stdout = execFileSync(
    process.execPath,
    ['--input-type=module', '-e', LINT_PROBES, JSON.stringify([input, ruleId])],
    { cwd: root, encoding: 'utf8' }
  );
  // Plugins may print notices of their own on stdout.
  const line = stdout.split('\n').find((l) => l.startsWith('LINT_RESULT '));
  return JSON.parse(line!.slice('LINT_RESULT '.length));
}
