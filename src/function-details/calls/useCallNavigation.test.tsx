import React from 'react';
import { act, renderHook } from '@testing-library/react';
import { MemoryRouter, useNavigate } from 'react-router-dom';
import type { PanelEntry } from './navigation';
import { useCallNavigation } from './useCallNavigation';

const handle: PanelEntry = {
  functionName: 'main.handleRequest',
  callSite: ['main.main', 'main.handleRequest'],
  callSiteCount: 1,
};
const search: PanelEntry = {
  functionName: 'catalog.Search',
  callSite: [...handle.callSite, 'catalog.Search'],
  callSiteCount: 1,
};

function setup() {
  return renderHook(() => ({ nav: useCallNavigation(), navigate: useNavigate() }), {
    wrapper: ({ children }) => <MemoryRouter initialEntries={['/a/linescope-app/flamegraph']}>{children}</MemoryRouter>,
  });
}

test('after going back from a callee, forward knows the way to it again', async () => {
  const { result } = setup();
  act(() => result.current.nav.actions.start(handle));
  act(() => result.current.nav.actions.open(search));
  expect(result.current.nav.data.entry?.functionName).toBe('catalog.Search');
  expect(result.current.nav.data.trail.entries.map((e) => e.functionName)).toEqual([
    'main.handleRequest',
    'catalog.Search',
  ]);

  act(() => result.current.navigate(-1));
  expect(result.current.nav.data.entry?.functionName).toBe('main.handleRequest');
  // The entry left behind holds the whole trail: the breadcrumb and Alt+→ can go forward.
  expect(result.current.nav.data.trail).toMatchObject({
    index: 0,
    entries: [{ functionName: 'main.handleRequest' }, { functionName: 'catalog.Search' }],
  });

  act(() => result.current.nav.actions.go(1));
  expect(result.current.nav.data.entry?.functionName).toBe('catalog.Search');
});
