import React from 'react';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { createDataFrame } from '@grafana/data';
import { data as nestedSet } from '@grafana/flamegraph';
import { LinescopeFlameGraph } from './LinescopeFlameGraph';

// The real @grafana/flamegraph: its search box is what highlights nodes, so that is what the hook must drive.
const frame = createDataFrame(nestedSet);

function renderGraph(highlight: string | undefined) {
  return render(
    <LinescopeFlameGraph data={frame} enableFunctionDetails onFunctionDetails={jest.fn()} highlight={highlight} />
  );
}

describe('flame graph highlight of the function shown', () => {
  it('types the function as an anchored, escaped pattern into the search box, and clears it when none is shown', () => {
    const { rerender } = renderGraph('catalog.(*Catalog).Search');
    const search = screen.getByPlaceholderText<HTMLInputElement>('Search...');
    expect(search.value).toBe('^catalog\\.\\(\\*Catalog\\)\\.Search$');
    rerender(<LinescopeFlameGraph data={frame} enableFunctionDetails onFunctionDetails={jest.fn()} highlight="main" />);
    expect(search.value).toBe('^main$');
    rerender(<LinescopeFlameGraph data={frame} enableFunctionDetails onFunctionDetails={jest.fn()} />);
    expect(search.value).toBe('');
  });

  it("leaves the user's own search alone when the panel closes", () => {
    const { rerender } = renderGraph('main');
    const search = screen.getByPlaceholderText<HTMLInputElement>('Search...');
    act(() => {
      fireEvent.change(search, { target: { value: 'net/http' } });
    });
    rerender(<LinescopeFlameGraph data={frame} enableFunctionDetails onFunctionDetails={jest.fn()} />);
    expect(search.value).toBe('net/http');
  });
});
