// The code view of a function whose samples lie outside its body (a JIT's inlined callee): its own lines, each
// other sampled stretch apart, collapsed gaps that say what they hide, and lines past the end of the file kept.
import React from 'react';
import { render, screen, within } from '@testing-library/react';
import { AnnotatedSource } from './AnnotatedSource';

beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 2000 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 800 });
});
afterAll(() => {
  delete (HTMLElement.prototype as { clientHeight?: number }).clientHeight;
  delete (HTMLElement.prototype as { clientWidth?: number }).clientWidth;
});

jest.setTimeout(30000);

/** A 7,000-line JavaScript file: a helper at lines 80-85, a tokenizer function at 6,278-6,282. */
const file = Array.from({ length: 7000 }, (_, i) => `// line ${i + 1}`);
file[79] = 'function isIdentifierChar(code) {';
file[81] = '  return code > 96;';
file[84] = '}';
file[6277] = 'function readWord() {';
file[6279] = '  while (isIdentifierChar(this.next())) {}';
file[6281] = '}';

test('shows the function and, apart from it, the inlined helper’s sampled lines, with the gap between collapsed', () => {
  render(
    <AnnotatedSource
      lines={file}
      fileName="acorn/dist/acorn.js"
      costs={[
        { line: 82, self: 3e9, total: 3e9 },
        { line: 6280, self: 1e9, total: 4e9 },
        { line: 7133, self: 5e8, total: 5e8 },
      ]}
      startLine={6278}
      unit="nanoseconds"
      functionTotal={4.5e9}
    />
  );
  expect(screen.getByTestId('code-view')).toHaveTextContent('Lines 80–84, 6278–6282 and 7133');
  const rows = screen.getAllByTestId('code-view-row');
  expect(rows.length).toBeLessThan(20);
  expect(rows.map((r) => Number(r.dataset.line))).toEqual([80, 81, 82, 83, 84, 6278, 6279, 6280, 6281, 6282, 7133]);
  const line82 = rows.find((r) => r.dataset.line === '82')!;
  expect(within(line82).getByTestId('code-view-self')).toHaveTextContent('3 s');
  expect(within(line82).getByTestId('code-view-code')).toHaveTextContent('return code > 96;');
  const gaps = screen.getAllByTestId('code-view-gap');
  expect(gaps.map((g) => g.textContent)).toEqual([
    '⋯ 6,193 lines not shown (lines 85–6277)',
    '⋯ 718 lines not shown (lines 6283–7000)',
  ]);
  const pastEnd = rows.find((r) => r.dataset.line === '7133')!;
  expect(within(pastEnd).getByTestId('code-view-past-end')).toHaveTextContent('past the end of the file (7,000 lines)');
  expect(within(pastEnd).getByTestId('code-view-total')).toHaveTextContent('500 ms');
});
