import React from 'react';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AnnotatedSource } from './AnnotatedSource';

// jsdom lays nothing out: give the scrolling area a real height so the virtualiser computes a window.
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 400 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 800 });
});
afterAll(() => {
  delete (HTMLElement.prototype as { clientHeight?: number }).clientHeight;
  delete (HTMLElement.prototype as { clientWidth?: number }).clientWidth;
});

const goFile = [
  'package cart',
  '',
  'func Total(items []int) int {',
  '\tsum := 0',
  '\tfor _, i := range items {',
  '\t\tsum += i',
  '\t}',
  '\treturn sum',
  '}',
  '',
];

jest.setTimeout(30000);

test('shows the function span with self and total beside the right lines, as values and shares', () => {
  render(
    <AnnotatedSource
      lines={goFile}
      fileName="cart/cart.go"
      costs={[
        { line: 5, self: 1e9, total: 3e9 },
        { line: 6, self: 1e9, total: 1e9 },
      ]}
      startLine={3}
      unit="nanoseconds"
      functionTotal={4e9}
    />
  );
  const rows = screen.getAllByTestId('code-view-row');
  expect(rows.map((r) => r.dataset.line)).toEqual(['3', '4', '5', '6', '7', '8', '9']);
  const line5 = rows.find((r) => r.dataset.line === '5')!;
  expect(within(line5).getByTestId('code-view-code')).toHaveTextContent('for _, i := range items {');
  expect(within(line5).getByTestId('code-view-total')).toHaveTextContent('3 s');
  expect(line5).toHaveTextContent('75%');
  expect(line5).toHaveAttribute('data-hottest', 'true');
  const line4 = rows.find((r) => r.dataset.line === '4')!;
  expect(within(line4).getByTestId('code-view-total')).toHaveTextContent('–');
  expect(line4).not.toHaveAttribute('data-hot');
  // Highlighting: `func` is a keyword.
  expect(within(rows[0]).getByText('func')).toHaveAttribute('data-token', 'keyword');
});

test('a 20,000-line file renders only a window of rows, around the hottest line', async () => {
  const lines = Array.from({ length: 20000 }, (_, i) => `\tx${i + 1} := work(${i + 1})`);
  lines[0] = 'func huge() {';
  lines[19999] = '}';
  // jsdom does not scroll: keep the position the virtualiser asks for and report it as a browser would.
  const positions = new WeakMap<HTMLElement, number>();
  Object.defineProperty(HTMLElement.prototype, 'scrollTop', {
    configurable: true,
    get() {
      return positions.get(this) ?? 0;
    },
    set(value: number) {
      positions.set(this, value);
    },
  });
  Object.defineProperty(HTMLElement.prototype, 'scrollHeight', { configurable: true, get: () => 20000 * 20 });
  const scrollTo = jest.fn(function (this: HTMLElement, options: ScrollToOptions) {
    this.scrollTop = options.top ?? 0;
    this.dispatchEvent(new Event('scroll'));
  });
  HTMLElement.prototype.scrollTo = scrollTo as never;
  render(
    <AnnotatedSource
      lines={lines}
      fileName="huge.go"
      costs={[
        { line: 15000, self: 5, total: 9 },
        { line: 20, self: 1, total: 1 },
      ]}
      startLine={1}
      unit="count"
      functionTotal={10}
    />
  );
  const rendered = await screen.findAllByTestId('code-view-row');
  expect(rendered.length).toBeGreaterThan(0);
  expect(rendered.length).toBeLessThan(100);
  expect(scrollTo).toHaveBeenCalled();
  const lineNumbers = () => screen.getAllByTestId('code-view-row').map((r) => Number(r.dataset.line));
  await waitFor(() => expect(lineNumbers()).toContain(15000));
  expect(lineNumbers().every((line) => Math.abs(line - 15000) < 100)).toBe(true);
  // The span runs from the first sampled line (a start line 15,000 lines up is not believed) to the hot line 15,000
  // (the closing brace is too far to look for): header + 14,981 rows.
  expect(screen.getByRole('table')).toHaveAttribute('aria-rowcount', '14982');
});

test('"Show the whole file" lists every line, and back', async () => {
  const user = userEvent.setup();
  render(
    <AnnotatedSource
      lines={goFile}
      fileName="cart.go"
      costs={[{ line: 6, self: 1, total: 1 }]}
      startLine={3}
      unit="count"
      functionTotal={1}
    />
  );
  await user.click(screen.getByTestId('code-view-whole-file'));
  expect(screen.getAllByTestId('code-view-row').map((r) => r.dataset.line)).toEqual([
    '1',
    '2',
    '3',
    '4',
    '5',
    '6',
    '7',
    '8',
    '9',
    '10',
  ]);
  await user.click(screen.getByRole('button', { name: 'Show the function only' }));
  expect(screen.getAllByTestId('code-view-row')).toHaveLength(7);
});
