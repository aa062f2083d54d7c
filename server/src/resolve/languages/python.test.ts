import { detectPythonStd } from './python';

describe('Python standard library detection', () => {
  it.each([
    ['/usr/lib/python3.12/json/decoder.py', { version: '3.12', path: 'json/decoder.py' }],
    ['/opt/python3.9/lib/python3.11/asyncio/events.py', { version: '3.11', path: 'asyncio/events.py' }],
    // Pyroscope treats site-packages as stdlib; we do not.
    ['/usr/local/lib/python3.12/site-packages/requests/api.py', undefined],
    ['/usr/lib/python3/dist-packages/x.py', undefined],
    ['/usr/lib/Python3.12/json/decoder.py', undefined],
    ['/usr/lib/python3.12/', undefined],
  ])('%s', (path, expected) => {
    expect(detectPythonStd(path)).toEqual(expected);
  });
});
