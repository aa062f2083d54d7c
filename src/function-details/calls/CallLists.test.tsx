import React from 'react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { testIds } from '../../testIds';
import { Breadcrumb } from './Breadcrumb';
import { CalledFrom, LineCallees } from './CallLists';
import type { CallCost } from '../../domain/calls';

const cost = (functionName: string, total: number): CallCost => ({ functionName, fileName: 'x.go', total });

describe('CalledFrom', () => {
  it('lists the callers with value and share of the function, and opens the one clicked', () => {
    const open = jest.fn();
    render(
      <CalledFrom
        calls={{ lines: [], callers: [cost('main.main', 3e9), cost('main.worker', 1e9)], outermost: 0 }}
        functionTotal={4e9}
        unit="nanoseconds"
        onOpenCaller={open}
      />
    );
    const items = within(screen.getByTestId(testIds.functionDetails.callers)).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual(['main.main3 s (75%)', 'main.worker1 s (25%)']);
    fireEvent.click(screen.getByRole('button', { name: 'Open the caller main.worker' }));
    expect(open).toHaveBeenCalledWith('main.worker');
  });

  it('says when the function is the outermost frame, and renders nothing without callers', () => {
    const { rerender } = render(
      <CalledFrom
        calls={{ lines: [], callers: [], outermost: 5 }}
        functionTotal={10}
        unit="count"
        onOpenCaller={jest.fn()}
      />
    );
    expect(screen.getByTestId(testIds.functionDetails.callers)).toHaveTextContent(
      'no caller (the outermost frame)5 (50%)'
    );
    rerender(
      <CalledFrom
        calls={{ lines: [], callers: [], outermost: 0 }}
        functionTotal={10}
        unit="count"
        onOpenCaller={jest.fn()}
      />
    );
    expect(screen.queryByTestId(testIds.functionDetails.callers)).not.toBeInTheDocument();
  });
});

describe('LineCallees', () => {
  const many = Array.from({ length: 120 }, (_, i) => cost(`handler${120 - i}`, 120 - i));

  it('shows the first 20 of over a hundred callees, all of them on request, with shares of the line', () => {
    const open = jest.fn();
    render(
      <LineCallees
        id="l"
        line={42}
        callees={many}
        lineTotal={1000}
        unit="count"
        onOpenCallee={open}
        onClose={jest.fn()}
      />
    );
    const list = screen.getByTestId(testIds.functionDetails.callees);
    expect(screen.getByRole('region', { name: 'Calls from line 42' })).toBeInTheDocument();
    expect(within(list).getAllByTestId(testIds.functionDetails.calleeLink)).toHaveLength(20);
    expect(within(list).getAllByRole('listitem')[0]).toHaveTextContent('handler120120 (12%)');
    fireEvent.click(screen.getByRole('button', { name: 'Show all 120' }));
    expect(within(list).getAllByTestId(testIds.functionDetails.calleeLink)).toHaveLength(120);
    fireEvent.click(screen.getByRole('button', { name: 'Open handler1, called from line 42' }));
    expect(open).toHaveBeenCalledWith('handler1');
    fireEvent.click(screen.getByRole('button', { name: 'Show the first 20' }));
    expect(within(list).getAllByTestId(testIds.functionDetails.calleeLink)).toHaveLength(20);
  });

  it('names frames without a line number and closes', () => {
    const close = jest.fn();
    render(
      <LineCallees
        id="l"
        line={0}
        callees={[cost('db.Query', 2)]}
        lineTotal={2}
        unit="count"
        onOpenCallee={jest.fn()}
        onClose={close}
      />
    );
    expect(screen.getByRole('region', { name: 'Calls from frames without a line number' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Show all/ })).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Close calls from frames without a line number' }));
    expect(close).toHaveBeenCalled();
  });
});

describe('Breadcrumb', () => {
  const entry = (functionName: string) => ({ functionName, callSite: [functionName], callSiteCount: 1 });
  const trail = { entries: [entry('main.main'), entry('main.handleRequest'), entry('catalog.Search')], index: 1 };

  it('shows the functions visited, the current one marked, and goes back, forward and to a crumb', () => {
    const go = jest.fn();
    render(<Breadcrumb trail={trail} onGo={go} />);
    const nav = screen.getByTestId(testIds.functionDetails.breadcrumb);
    expect(
      within(nav)
        .getAllByRole('listitem')
        .map((li) => li.textContent)
    ).toEqual(['main.main', 'main.handleRequest', 'catalog.Search']);
    expect(within(nav).getByText('main.handleRequest')).toHaveAttribute('aria-current', 'page');
    fireEvent.click(screen.getByRole('button', { name: 'Back to the previous function (Alt+←)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Forward to the next function (Alt+→)' }));
    fireEvent.click(screen.getByRole('button', { name: 'catalog.Search' }));
    expect(go.mock.calls).toEqual([[0], [2], [2]]);
  });

  it('disables back at the first function and forward at the last, and is absent for a single function', () => {
    const { rerender } = render(<Breadcrumb trail={{ ...trail, index: 0 }} onGo={jest.fn()} />);
    expect(screen.getByRole('button', { name: 'Back to the previous function (Alt+←)' })).toBeDisabled();
    rerender(<Breadcrumb trail={{ ...trail, index: 2 }} onGo={jest.fn()} />);
    expect(screen.getByRole('button', { name: 'Forward to the next function (Alt+→)' })).toBeDisabled();
    rerender(<Breadcrumb trail={{ entries: [entry('main.main')], index: 0 }} onGo={jest.fn()} />);
    expect(screen.queryByTestId(testIds.functionDetails.breadcrumb)).not.toBeInTheDocument();
  });
});
