import React from 'react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DAY_MS, WEEK_MS } from '../../domain/compare/baseline';
import { compareFunction, largestChanges, largestShareChange } from '../../domain/compare/lineDelta';
import { matchLines } from '../../domain/compare/lineMatching';
import { comparisonRows } from '../../domain/compare/rows';
import { testIds } from '../../testIds';
import { CompareControl } from './CompareControl';
import { ComparisonTable } from './ComparisonTable';
import { LargestChanges } from './LargestChanges';

// Grafana's inputs and radio groups are slow to drive on a shared machine.
jest.setTimeout(30000);

const ms = (v: number) => `${v} ms`;

const before = ['func f() {', 'a()', 'slow()', 'gone()', '}'];
const after = ['func f() {', '// why', 'a()', 'fast()', '}'];
const comparison = compareFunction(
  {
    whole: 1000,
    self: 0,
    total: 400,
    lines: [
      { line: 2, self: 0, total: 100 },
      { line: 3, self: 200, total: 250 },
      { line: 4, self: 0, total: 50 },
    ],
  },
  {
    whole: 1000,
    self: 0,
    total: 160,
    lines: [
      { line: 3, self: 0, total: 130 },
      { line: 4, self: 10, total: 30 },
    ],
  },
  matchLines(before, after)
);

describe('LargestChanges', () => {
  it('lists the lines by the change of their share, largest first, and selects one on click', async () => {
    const onSelect = jest.fn();
    render(
      <LargestChanges
        changes={largestChanges(comparison)}
        largest={largestShareChange(comparison)}
        formatValue={ms}
        onSelect={onSelect}
      />
    );
    const list = screen.getByTestId(testIds.functionDetails.largestChanges);
    const items = within(list).getAllByRole('button');
    expect(items.map((b) => b.textContent)).toEqual([
      'Line 4edited−22 pptotal 250 ms (25%) → 30 ms (3.0%)',
      'Baseline line 4removed−5.0 pptotal 50 ms (5.0%) → 0 ms (0%)',
      'Line 3+3.0 pptotal 100 ms (10%) → 130 ms (13%)',
    ]);
    expect(within(items[0]).getByLabelText('−22 pp of the whole, better')).toBeInTheDocument();
    await userEvent.click(items[1]);
    expect(onSelect).toHaveBeenCalledWith('removed:4');
  });

  it('says so when nothing changed', () => {
    render(<LargestChanges changes={[]} largest={0} formatValue={ms} onSelect={jest.fn()} />);
    expect(screen.getByText(/No line’s share of the whole profile changed/)).toBeInTheDocument();
  });
});

describe('ComparisonTable', () => {
  const rows = comparisonRows(comparison, 1);

  it('shows baseline, comparison and change per line beside the comparison’s code, removed lines apart', () => {
    render(
      <ComparisonTable
        rows={rows}
        source={after}
        baselineSource={before}
        largest={largestShareChange(comparison)}
        formatValue={ms}
        focusCount={0}
      />
    );
    const line = (key: string) =>
      screen.getAllByTestId(testIds.functionDetails.compareLine).find((r) => r.getAttribute('data-key') === key)!;
    const four = line('line:4');
    expect(four).toHaveTextContent('fast()');
    expect(four).toHaveTextContent('was 3');
    expect(four).toHaveTextContent('self 200 ms (20%)total 250 ms (25%)');
    expect(four).toHaveTextContent('self 10 ms (1.0%)total 30 ms (3.0%)');
    const delta = within(four).getByTestId(testIds.functionDetails.lineDelta);
    expect(delta).toHaveTextContent('−22 pptotal −220 ms, self −190 msedited');
    expect(delta).toHaveAttribute('aria-label', '−22 pp of the whole, better');
    expect(delta.style.background).not.toBe('');
    expect(line('line:2')).toHaveTextContent('// why');
    expect(within(line('line:2')).queryByTestId(testIds.functionDetails.lineDelta)).toBeNull();
    const removed = line('removed:4');
    expect(removed).toHaveTextContent('(4)');
    expect(removed).toHaveTextContent('gone()');
    expect(screen.getByText('Only in the baseline (code removed since)')).toBeInTheDocument();
  });

  it('scrolls the focused line into view on every request', () => {
    const scrollIntoView = jest.fn();
    Element.prototype.scrollIntoView = scrollIntoView;
    const props = { rows, source: after, largest: 1, formatValue: ms };
    const { rerender } = render(<ComparisonTable {...props} focused="line:4" focusCount={1} />);
    expect(scrollIntoView).toHaveBeenCalledTimes(1);
    expect(scrollIntoView.mock.instances[0]).toHaveAttribute('data-key', 'line:4');
    rerender(<ComparisonTable {...props} focused="line:4" focusCount={2} />);
    expect(scrollIntoView).toHaveBeenCalledTimes(2);
  });
});

describe('CompareControl', () => {
  const props = {
    selector: '{service_name="shop-go", version="v1.1.0"}',
    range: { from: 10 * WEEK_MS, to: 10 * WEEK_MS + 3600e3 },
    versions: [{ key: '2', name: 'v1.0.0' }],
  };

  it('applies the one-day and one-week shortcuts at once', async () => {
    const onChange = jest.fn();
    render(<CompareControl {...props} onChange={onChange} />);
    const control = screen.getByTestId(testIds.functionDetails.compare);
    await userEvent.click(within(control).getByRole('button', { name: /Compare with/ }));
    await userEvent.click(screen.getByRole('radio', { name: '1 day earlier' }));
    expect(onChange).toHaveBeenLastCalledWith({ kind: 'offset', ms: DAY_MS });
    await userEvent.click(within(control).getByRole('button', { name: /Compare with/ }));
    await userEvent.click(screen.getByRole('radio', { name: '1 week earlier' }));
    expect(onChange).toHaveBeenLastCalledWith({ kind: 'offset', ms: WEEK_MS });
  });

  it('takes a label selection, refusing one without braces', async () => {
    const onChange = jest.fn();
    render(<CompareControl {...props} onChange={onChange} />);
    await userEvent.click(screen.getByRole('button', { name: /Compare with/ }));
    await userEvent.click(screen.getByRole('radio', { name: 'Labels' }));
    const input = screen.getByRole('textbox');
    expect(input).toHaveValue(props.selector);
    fireEvent.change(input, { target: { value: 'version="v1.0.0"' } });
    await userEvent.click(screen.getByRole('button', { name: 'Compare' }));
    expect(screen.getByText(/expected matchers in braces/)).toBeInTheDocument();
    expect(onChange).not.toHaveBeenCalled();
    fireEvent.change(input, { target: { value: ' {service_name="shop-go", version="v1.0.0"} ' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onChange).toHaveBeenCalledWith({ kind: 'labels', selector: '{service_name="shop-go", version="v1.0.0"}' });
  });

  it('offers the other versions of the profile', async () => {
    const onChange = jest.fn();
    render(<CompareControl {...props} onChange={onChange} />);
    await userEvent.click(screen.getByRole('button', { name: /Compare with/ }));
    await userEvent.click(screen.getByRole('radio', { name: 'Version' }));
    await userEvent.click(screen.getByRole('button', { name: 'Compare' }));
    expect(onChange).toHaveBeenCalledWith({ kind: 'version', key: '2' });
  });

  it('has no version choice when the profile holds one version', async () => {
    render(<CompareControl {...props} versions={[]} onChange={jest.fn()} />);
    await userEvent.click(screen.getByRole('button', { name: /Compare with/ }));
    expect(screen.queryByRole('radio', { name: 'Version' })).toBeNull();
  });

  it('shows the baseline while comparing, and stops', async () => {
    const onChange = jest.fn();
    render(
      <CompareControl
        {...props}
        baseline={{ kind: 'offset', ms: DAY_MS }}
        description="the same window one day earlier"
        onChange={onChange}
      />
    );
    expect(screen.getByTestId(testIds.functionDetails.compare)).toHaveTextContent(
      'Compared with the same window one day earlier'
    );
    await userEvent.click(screen.getByRole('button', { name: 'Stop comparing' }));
    expect(onChange).toHaveBeenCalledWith(undefined);
  });

  it('shows a typed label selector as it is, braces and markup included', () => {
    const selector = '{version="{{count}}", team="<b>x</b>"}';
    render(
      <CompareControl {...props} baseline={{ kind: 'labels', selector }} description={selector} onChange={jest.fn()} />
    );
    const control = screen.getByTestId(testIds.functionDetails.compare);
    expect(control).toHaveTextContent(`Compared with ${selector}`);
    expect(within(control).getByText(selector).tagName).toBe('STRONG');
  });

  it('says when the link’s comparison could not be read', () => {
    render(<CompareControl {...props} urlError="“offset:1y” is not a time offset" onChange={jest.fn()} />);
    expect(screen.getByText('The comparison in the link could not be read')).toBeInTheDocument();
    expect(screen.getByText('“offset:1y” is not a time offset')).toBeInTheDocument();
  });
});
