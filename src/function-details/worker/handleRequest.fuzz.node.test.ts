import fc from 'fast-check';

import { fuzzParameters, fuzzTestTimeout, mutatedBytes, runtimeErrorMessage } from '../../test-support/fuzz';
import { PprofBuilder } from '@linescope/lines/testing/pprofBuilder';
import { handleRequest } from './handleRequest';

function sampleProfile(): Uint8Array {
  const b = new PprofBuilder([
    ['cpu', 'nanoseconds'],
    ['samples', 'count'],
  ]);
  const m = b.mapping('{"repository":"https://github.com/acme/shop","git_ref":"v1"}');
  const main = b.function('main.main', 'main.go', 1);
  const work = b.function('main.work', 'work.go', 10);
  b.sample([b.location(m, [[work, 12]]), b.location(m, [[main, 3]])], 25, 1);
  return b.encode();
}

describe('the function details worker under hostile requests', () => {
  it(
    'answers every request with a result or an error message for that request, never by throwing',
    () => {
      const bytes = fc.oneof(fc.uint8Array({ maxLength: 512 }), mutatedBytes(fc.constant(sampleProfile())));
      const options = fc.record(
        {
          fileName: fc.oneof(fc.string(), fc.constant('work.go')),
          sampleType: fc.oneof(fc.integer({ min: -2, max: 4 }), fc.double(), fc.string(), fc.constant('samples')),
        },
        { requiredKeys: [] }
      );
      let results = 0;
      let errors = 0;
      fc.assert(
        fc.property(fc.nat(), bytes, fc.oneof(fc.string(), fc.constant('main.work')), options, (id, b, name, opts) => {
          const message = handleRequest({ id, bytes: b, functionName: name, options: opts });
          expect(message.type === 'result' || message.type === 'error').toBe(true);
          expect(message).toHaveProperty('id', id);
          if (message.type === 'error') {
            errors++;
            expect(message.message).toMatch(/^(The profile |Sample type |A function name is required)/);
            expect(message.message).not.toMatch(runtimeErrorMessage);
          } else {
            results++;
            // What the worker posts must survive the structured clone to the page.
            expect(structuredClone(message)).toEqual(message);
          }
        }),
        fuzzParameters(1000)
      );
      expect(results).toBeGreaterThan(0);
      expect(errors).toBeGreaterThan(0);
    },
    fuzzTestTimeout
  );
});
