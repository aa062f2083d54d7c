import React, { useEffect } from 'react';
import { NEVER, of, throwError } from 'rxjs';
import { MemoryRouter, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { act, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { DataSourceInstanceSettings } from '@grafana/data';
import { setBackendSrv, setDataSourceSrv, type BackendSrv, type BackendSrvRequest } from '@grafana/runtime';
import userEvent from '@testing-library/user-event';
import FlameGraphPage from './FlameGraphPage';
import { SettingsProvider } from '../settings/SettingsContext';
import { resolveSettings } from '../settings/settings';
import { WithQueries } from '../test-support/queries';
import { testIds } from '../testIds';
import { backendDataSourceSrv, flameGraphQueryBody } from '../test-support/dsQuery';

// Other jobs share this machine's two cores, and a render of the whole page with @grafana/flamegraph takes 2-9 s in
// jsdom even when idle (a CI run with the Node and browser suites beside it once took over 10 s for one): give
// renders time rather than fail on a busy moment. A render that never comes still fails.
configure({ asyncUtilTimeout: 30000 });
jest.setTimeout(90000);

// jsdom has no layout: give the flame graph a width (toolchain.md §4).
jest.mock('react-use', () => {
  const actual = jest.requireActual('react-use');
  const R = jest.requireActual('react');
  return { ...actual, useMeasure: () => [R.useRef(null), { width: 1600, height: 800 }] };
});

const CPU = 'process_cpu:cpu:nanoseconds:cpu:nanoseconds';
const pyro = {
  id: 7,
  uid: 'pyro',
  name: 'Pyroscope',
  type: 'grafana-pyroscope-datasource',
  isDefault: true,
  meta: { id: 'grafana-pyroscope-datasource', info: { logos: {} } },
  jsonData: {},
} as unknown as DataSourceInstanceSettings;

const flameBody = flameGraphQueryBody();
const emptyBody = flameGraphQueryBody([]);

const MEMORY = 'memory:alloc_space:bytes:space:bytes';
// shop-java sends only memory profiles; shop-go sends both.
const typesOf = (selector: string) => (selector.includes('shop-java') ? [MEMORY] : [MEMORY, CPU]);

type Respond = (req: BackendSrvRequest) => unknown;
let dsQuery: Respond;
const requests: BackendSrvRequest[] = [];
// The Pyroscope data source's query() posts there (DataSourceWithBackend).
const isDsQuery = (req: BackendSrvRequest) => req.url.startsWith('/api/ds/query?');
const grafanaAndPyroscope: Respond = (req) => {
  requests.push(req);
  if (isDsQuery(req)) {
    return dsQuery(req);
  }
  const method = req.url.split('/').pop();
  switch (method) {
    case 'ProfileTypes':
      return of({
        data: {
          profileTypes: [
            {
              ID: 'memory:alloc_space:bytes:space:bytes',
              name: 'memory',
              sampleType: 'alloc_space',
              sampleUnit: 'bytes',
            },
            { ID: CPU, name: 'process_cpu', sampleType: 'cpu', sampleUnit: 'nanoseconds' },
          ],
        },
      });
    case 'LabelValues':
      return of({
        data: {
          names:
            req.data.name === 'service_name'
              ? ['shop-go', 'shop-java']
              : req.data.name === '__profile_type__'
                ? typesOf(req.data.matchers[0])
                : req.data.name === 'env'
                  ? ['dev', 'prod']
                  : [],
        },
      });
    case 'LabelNames':
      return of({ data: { names: ['__name__', 'env', 'service_name'] } });
    case 'SelectMergeProfile':
      return NEVER;
  }
  return throwError(() => ({ status: 404, data: { message: 'not found' } }));
};

beforeAll(() => {
  Object.defineProperty(HTMLCanvasElement.prototype, 'clientWidth', { configurable: true, value: 1600 });
  setBackendSrv({ fetch: (req: BackendSrvRequest) => grafanaAndPyroscope(req) } as unknown as BackendSrv);
  setDataSourceSrv(backendDataSourceSrv([pyro]));
});
beforeEach(() => {
  requests.length = 0;
  dsQuery = () => of({ status: 200, data: flameBody });
});

let currentSearch = '';
const recordSearch = (search: string) => (currentSearch = search);
function LocationProbe() {
  const search = useLocation().search;
  useEffect(() => {
    recordSearch(search);
  }, [search]);
  const navigate = useNavigate();
  return (
    <button
      onClick={() =>
        navigate(
          `/a/linescope-app/flamegraph?datasource=pyro&profileType=${CPU}&query=${encodeURIComponent('{service_name="shop-java"}')}&from=now-1h&to=now`
        )
      }
    >
      other service
    </button>
  );
}

const renderPage = (search: string, enableFunctionDetails = true) =>
  render(
    <MemoryRouter initialEntries={[`/a/linescope-app/flamegraph${search}`]}>
      <SettingsProvider settings={resolveSettings({ enableFunctionDetails })}>
        <WithQueries>
          <Routes>
            <Route
              path="/a/linescope-app/flamegraph"
              element={
                <>
                  <FlameGraphPage />
                  <LocationProbe />
                </>
              }
            />
          </Routes>
        </WithQueries>
      </SettingsProvider>
    </MemoryRouter>
  );

const fullUrl = `?datasource=pyro&profileType=${encodeURIComponent(CPU)}&query=${encodeURIComponent('{service_name="shop-go",env="prod"}')}&from=1700000000000&to=1700003600000`;

/** Clicks the flame graph canvas at a level (22 px per level) and an x position. */
function clickBar(level: number, x: number) {
  const canvas = screen.getByTestId(testIds.flameGraphPage.canvas);
  const ev = new MouseEvent('click', { bubbles: true, clientX: x, clientY: level * 22 + 10 });
  Object.defineProperty(ev, 'offsetX', { get: () => x });
  Object.defineProperty(ev, 'offsetY', { get: () => level * 22 + 10 });
  fireEvent(canvas, ev);
}

describe('Flame graph page', () => {
  it("queries the flame graph through the data source's query() with the URL state and renders it", async () => {
    renderPage(fullUrl);
    expect(screen.getByTestId(testIds.flameGraphPage.loading)).toBeInTheDocument();
    await screen.findByTestId(testIds.flameGraphPage.canvas);
    const q = requests.find(isDsQuery)!;
    expect(q.data).toMatchObject({
      from: '1700000000000',
      to: '1700003600000',
      queries: [
        {
          datasource: { type: 'grafana-pyroscope-datasource', uid: 'pyro' },
          datasourceId: 7,
          queryType: 'profile',
          profileTypeId: CPU,
          labelSelector: '{service_name="shop-go",env="prod"}',
        },
      ],
    });
  });

  it('fills in the default data source, CPU profile type and first service, into the URL', async () => {
    renderPage('');
    await screen.findByTestId(testIds.flameGraphPage.canvas);
    const params = new URLSearchParams(currentSearch);
    expect(params.get('datasource')).toBe('pyro');
    expect(params.get('profileType')).toBe(CPU);
    expect(params.get('query')).toBe('{service_name="shop-go"}');
    expect(params.get('from')).toBe('now-1h');
  });

  it('opens a service on a profile type it sends, never querying one it does not', async () => {
    renderPage(fullUrl);
    await screen.findByTestId(testIds.flameGraphPage.canvas);
    expect(new URLSearchParams(currentSearch).get('profileType')).toBe(CPU);
    // The link names CPU, which shop-java does not send: the page opens on its memory profiles instead.
    await userEvent.click(screen.getByRole('button', { name: 'other service' }));
    await waitFor(() => expect(new URLSearchParams(currentSearch).get('profileType')).toBe(MEMORY));
    await waitFor(() =>
      expect(requests.filter(isDsQuery).pop()!.data.queries[0]).toMatchObject({
        profileTypeId: MEMORY,
        labelSelector: '{service_name="shop-java"}',
      })
    );
    expect(
      requests
        .filter(isDsQuery)
        .some(
          (r) =>
            r.data.queries[0].labelSelector === '{service_name="shop-java"}' && r.data.queries[0].profileTypeId === CPU
        )
    ).toBe(false);
  });

  it('keeps a service regex from a link as it is, without picking a service', async () => {
    renderPage(
      `?datasource=pyro&profileType=${encodeURIComponent(CPU)}&query=${encodeURIComponent('{service_name=~"shop-.*"}')}`
    );
    await screen.findByTestId(testIds.flameGraphPage.canvas);
    expect(requests.filter(isDsQuery).map((r) => r.data.queries[0].labelSelector)).toEqual([
      '{service_name=~"shop-.*"}',
    ]);
    expect(new URLSearchParams(currentSearch).get('query')).toBe('{service_name=~"shop-.*"}');
  });

  it('offers Function details on a function and opens the panel beside the flame graph for its call site', async () => {
    renderPage(fullUrl);
    await screen.findByTestId(testIds.flameGraphPage.canvas);
    clickBar(2, 20); // "a" spans the left 40%
    expect(screen.getByText('Focus block')).toBeInTheDocument();
    fireEvent.click(screen.getByText('Function details'));
    const panel = await screen.findByTestId(testIds.functionDetails.panel);
    expect(panel).toHaveTextContent('a');
    expect(screen.getByTestId(testIds.flameGraphPage.canvas)).toBeInTheDocument();
    const select = await waitFor(() => {
      const r = requests.find((x) => x.url.endsWith('/SelectMergeProfile'));
      expect(r).toBeDefined();
      return r!;
    });
    const body = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(new TextDecoder('latin1').decode(reader.result as ArrayBuffer));
      reader.readAsArrayBuffer(select.data);
    });
    // call_site = [main, a], then no deeper frame; same selector as the flame graph.
    expect(body).toContain('{service_name="shop-go",env="prod"}');
    expect(body).toMatch(/\n\x06\n\x04main\n\x03\n\x01a/);
  });

  it('has no Function details on the root node', async () => {
    renderPage(fullUrl);
    await screen.findByTestId(testIds.flameGraphPage.canvas);
    clickBar(0, 20);
    expect(screen.getByText('Focus block')).toBeInTheDocument();
    expect(screen.queryByText('Function details')).not.toBeInTheDocument();
  });

  it('has no Function details when the feature is off', async () => {
    renderPage(fullUrl, false);
    await screen.findByTestId(testIds.flameGraphPage.canvas);
    clickBar(2, 20);
    expect(screen.getByText('Focus block')).toBeInTheDocument();
    expect(screen.queryByText('Function details')).not.toBeInTheDocument();
  });

  it('closes the panel when the query changes', async () => {
    renderPage(fullUrl);
    await screen.findByTestId(testIds.flameGraphPage.canvas);
    clickBar(2, 20);
    fireEvent.click(screen.getByText('Function details'));
    await screen.findByTestId(testIds.functionDetails.panel);
    fireEvent.click(screen.getByRole('button', { name: 'other service' }));
    await waitFor(() => expect(screen.queryByTestId(testIds.functionDetails.panel)).not.toBeInTheDocument());
    await screen.findByTestId(testIds.flameGraphPage.canvas);
    expect(requests.filter(isDsQuery).pop()!.data.queries[0].labelSelector).toBe('{service_name="shop-java"}');
  });

  it('says there are no profiles for the selection, and what to do', async () => {
    dsQuery = () => of({ status: 200, data: emptyBody });
    renderPage(fullUrl);
    const empty = await screen.findByTestId(testIds.flameGraphPage.empty);
    expect(empty).toHaveTextContent('Widen the time range, remove label filters');
    expect(screen.getByText('No profiles for this selection')).toBeInTheDocument();
  });

  it('shows the query error with a hint, and retries', async () => {
    dsQuery = () =>
      throwError(() => ({
        status: 400,
        data: { results: { A: { error: 'invalid_argument: the query time range exceeds the limit', status: 500 } } },
      }));
    renderPage(fullUrl);
    const error = await screen.findByTestId(testIds.flameGraphPage.error);
    expect(error).toHaveTextContent('the query time range exceeds the limit');
    expect(error).toHaveTextContent('Pick a shorter or more recent time range');
    dsQuery = () => of({ status: 200, data: flameBody });
    fireEvent.click(screen.getByRole('button', { name: /Retry/ }));
    await screen.findByTestId(testIds.flameGraphPage.canvas);
  });

  it('adds a label filter to the query in the URL and the flame graph request', async () => {
    renderPage(
      `?datasource=pyro&profileType=${encodeURIComponent(CPU)}&query=${encodeURIComponent('{service_name="shop-go"}')}`
    );
    await screen.findByTestId(testIds.flameGraphPage.canvas);
    // Combobox virtualises its list and renders only the options that fit the list box's size: give it one.
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, value: 300 });
    fireEvent.click(screen.getByTestId(testIds.flameGraphPage.addFilter));
    const user = userEvent.setup();
    await user.click(screen.getByRole('combobox', { name: 'Filter 1 label' }));
    await user.click(await screen.findByRole('option', { name: 'env' }));
    await user.click(screen.getByRole('combobox', { name: 'Filter 1 value' }));
    await user.click(await screen.findByRole('option', { name: 'prod' }));
    await waitFor(() =>
      expect(new URLSearchParams(currentSearch).get('query')).toBe('{service_name="shop-go",env="prod"}')
    );
    await waitFor(() =>
      expect(requests.filter(isDsQuery).pop()!.data.queries[0].labelSelector).toBe(
        '{service_name="shop-go",env="prod"}'
      )
    );
    delete (HTMLElement.prototype as { clientHeight?: number }).clientHeight;
  });

  it('opens Function details from the keyboard by picking a function by name', async () => {
    renderPage(fullUrl);
    await screen.findByTestId(testIds.flameGraphPage.canvas);
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, value: 300 });
    const user = userEvent.setup();
    await user.click(screen.getByRole('combobox', { name: 'Function details for a function' }));
    await user.keyboard('b');
    await user.click(await screen.findByRole('option', { name: 'b' }));
    const panel = await screen.findByTestId(testIds.functionDetails.panel);
    expect(within(panel).getByTestId(testIds.functionDetails.rowCallSite)).toHaveTextContent('main › a › b');
    delete (HTMLElement.prototype as { clientHeight?: number }).clientHeight;
  });

  it('has no function picker when the feature is off', async () => {
    renderPage(fullUrl, false);
    await screen.findByTestId(testIds.flameGraphPage.canvas);
    expect(screen.queryByTestId(testIds.flameGraphPage.functionPicker)).not.toBeInTheDocument();
  });

  it('explains a label selector in the link that cannot be read', async () => {
    renderPage(`?datasource=pyro&profileType=${CPU}&query=${encodeURIComponent('{service_name=shop-go}')}`);
    expect(await screen.findByTestId(testIds.flameGraphPage.error)).toHaveTextContent('can’t be read');
    await act(async () => {});
  });
});
