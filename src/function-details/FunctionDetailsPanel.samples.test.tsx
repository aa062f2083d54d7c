import React from 'react';
import { readFileSync } from 'fs';
import { join } from 'path';
import { of, throwError } from 'rxjs';
import { configure, fireEvent, render, screen, within } from '@testing-library/react';
import { setBackendSrv, type BackendSrv, type BackendSrvRequest } from '@grafana/runtime';
import { FunctionDetailsPanel } from './FunctionDetailsPanel';
import { WithQueries } from '../test-support/queries';
import { formatValue, NO_VALUE } from '../domain/format';
import { testIds } from '../testIds';

// Other jobs share this machine's two cores: give renders time rather than fail on a busy moment.
configure({ asyncUtilTimeout: 10000 });
jest.setTimeout(30000);

// End to end through the panel with a profile recorded from our sample service: what the panel shows per line must
// be what `go tool pprof -list` printed for it (samples/profiles/*.golden.json).

const profiles = join(__dirname, '../../samples/profiles');
const read = (name: string) => readFileSync(join(profiles, name));
const golden = JSON.parse(read('shop-go-v1.cpu.golden.json').toString('utf8'));
const labels: Record<string, string> = JSON.parse(read('shop-go-v1.cpu.labels.json').toString('utf8'));
const cpu = golden.reports.find((r: { sampleIndex: string }) => r.sampleIndex === 'cpu');

interface GoldenLine {
  line: number;
  flat: number;
  cum: number;
}

beforeAll(() => {
  const pprof = new Uint8Array(read('shop-go-v1.cpu.pb.gz'));
  setBackendSrv({
    fetch: (req: BackendSrvRequest) => {
      const method = req.url.split('/').pop();
      if (method === 'SelectMergeProfile') {
        return of({ status: 200, data: pprof.slice().buffer });
      }
      if (method === 'LabelNames') {
        return of({ status: 200, data: { names: Object.keys(labels).sort() } });
      }
      if (method === 'LabelValues') {
        return of({ status: 200, data: { names: labels[req.data.name] ? [labels[req.data.name]] : [] } });
      }
      return throwError(() => ({ status: 404, data: { message: 'not found' } }));
    },
  } as unknown as BackendSrv);
});

describe.each(['github.com/linescope-demo/shop-go/pricing.bestSubset', 'strings.ToLower', 'main.handleRequest'])(
  'the panel for %s in shop-go v1 (CPU)',
  (name) => {
    const fn = cpu.functions.find((f: { name: string }) => f.name === name);

    it('shows go tool pprof -list’s self and total on every line', async () => {
      render(
        <WithQueries>
          <FunctionDetailsPanel
            target={{
              datasourceUid: 'pyro',
              vcsDataSourceUid: 'pyro',
              profileTypeId: labels.__profile_type__,
              labelSelector: `{service_name="${labels.service_name}"}`,
              serviceName: labels.service_name,
              range: { from: 1, to: 2 },
              callSite: ['main.main', name],
              functionName: name,
            }}
            onClose={jest.fn()}
          />
        </WithQueries>
      );
      await screen.findByTestId(testIds.functionDetails.breakdown);
      expect(screen.getByTestId(testIds.functionDetails.rowFile)).toHaveTextContent(fn.file);
      // pprof -list prints every line of the span; the panel lists them all one click away (unless it is too long).
      const allLines = screen.queryByTestId(testIds.functionDetails.breakdownAllLines);
      if (allLines) {
        fireEvent.click(allLines);
      }
      const rows = new Map(
        screen.getAllByTestId(testIds.functionDetails.breakdownLine).map((r) => [
          Number(r.getAttribute('data-line')),
          within(r)
            .getAllByRole('cell')
            .map((c) => c.textContent),
        ])
      );
      const shown = (v: number) => (v > 0 ? formatValue(v, 'nanoseconds') : NO_VALUE);
      for (const line of fn.lines as GoldenLine[]) {
        const cells = rows.get(line.line);
        expect({ line: line.line, self: cells?.[0], total: cells?.[2] }).toEqual({
          line: line.line,
          self: shown(line.flat),
          total: shown(line.cum),
        });
      }
      // The span lists the lines between the sampled ones too.
      const sampled = (fn.lines as GoldenLine[]).map((l) => l.line);
      expect(rows.size).toBeGreaterThanOrEqual(Math.max(...sampled) - Math.min(...sampled) + 1);
      // The recorded profile's mappings carry no version JSON: the service's labels name the commit.
      expect(screen.getByTestId(testIds.functionDetails.repositoryFallback)).toBeInTheDocument();
      expect(within(screen.getByTestId(testIds.functionDetails.rowRepository)).getByRole('link')).toHaveTextContent(
        'linescope-demo/shop-go'
      );
      expect(screen.getByTestId(testIds.functionDetails.commitChoice)).toHaveTextContent(
        labels.service_git_ref.slice(0, 7)
      );
    });
  }
);
