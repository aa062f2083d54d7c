import fc from 'fast-check';
import { fuzzParameters, fuzzTestTimeout } from '../test-support/fuzz';
import { safeLinkUrl } from './safeUrl';

const HTTP_GITLAB = [{ host: 'gitlab.internal:8080', kind: 'gitlab' as const, scheme: 'http' as const }];

describe('safeLinkUrl: only https, and http for a host the server configured with http', () => {
  it('keeps https URLs, normalised the way the browser reads them', () => {
    expect(safeLinkUrl('https://github.com/o/r/blob/main/a.go#L3')).toBe('https://github.com/o/r/blob/main/a.go#L3');
    expect(safeLinkUrl('HTTPS://GitHub.com/o/r')).toBe('https://github.com/o/r');
    expect(safeLinkUrl('https://avatars.githubusercontent.com/u/1?v=4')).toBe(
      'https://avatars.githubusercontent.com/u/1?v=4'
    );
    // An inner space is encoded, not a way around the scheme.
    expect(safeLinkUrl('https://host/a b.go')).toBe('https://host/a%20b.go');
  });

  it.each([
    ['javascript:alert(document.domain)//https://github.com/o/r'],
    ['JaVaScRiPt:alert(1)'],
    ['javascript://github.com/%0aalert(1)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
    ['vbscript:msgbox(1)'],
    ['VBScript:msgbox(1)'],
    ['file:///etc/passwd'],
    ['blob:https://grafana.example/1234'],
    ['ftp://example.com/a'],
    ['about:blank'],
  ])('refuses another scheme: %s', (url) => {
    expect(safeLinkUrl(url)).toBeUndefined();
    expect(safeLinkUrl(url, { hosts: HTTP_GITLAB })).toBeUndefined();
  });

  it.each([
    [' javascript:alert(1)'],
    [' https://github.com/o/r'],
    ['https://github.com/o/r '],
    ['\u0000javascript:alert(1)'],
    ['\u001fhttps://github.com/o/r'],
    ['java\tscript:alert(1)'],
    ['java\nscript:alert(1)'],
    ['java\rscript:alert(1)'],
    ['https://github.com/o/r\n'],
    ['https://git\thub.com/o/r'],
    ['\u00a0https://github.com/o/r'],
    ['\ufeffhttps://github.com/o/r'],
    ['https://github.com/o/r\u2028'],
    ['https://github.com/o/\u007fr'],
  ])('refuses control characters and surrounding whitespace, which browsers strip or skip: %j', (url) => {
    expect(safeLinkUrl(url)).toBeUndefined();
  });

  it.each([['//evil.example/x'], ['/a/linescope-app/x'], ['evil.example/x'], ['']])(
    'refuses relative and scheme-relative URLs: %j',
    (url) => {
      expect(safeLinkUrl(url)).toBeUndefined();
    }
  );

  it('refuses URLs that carry credentials (https://user:pass@…, which also hides the real host)', () => {
    expect(safeLinkUrl('https://user:pass@github.com/o/r')).toBeUndefined();
    expect(safeLinkUrl('https://github.com@evil.example/o/r')).toBeUndefined();
    expect(safeLinkUrl('https://:pass@github.com/o/r')).toBeUndefined();
  });

  it('refuses what is not a string', () => {
    expect(safeLinkUrl(undefined)).toBeUndefined();
    expect(safeLinkUrl(null)).toBeUndefined();
    expect(safeLinkUrl({ toString: () => 'https://github.com' })).toBeUndefined();
  });

  it('takes http only for a host the server configured with http, port included', () => {
    expect(safeLinkUrl('http://github.com/o/r')).toBeUndefined();
    expect(safeLinkUrl('http://gitlab.internal:8080/g/p', { hosts: HTTP_GITLAB })).toBe(
      'http://gitlab.internal:8080/g/p'
    );
    expect(safeLinkUrl('http://GITLAB.internal:8080/g/p', { hosts: HTTP_GITLAB })).toBe(
      'http://gitlab.internal:8080/g/p'
    );
    expect(safeLinkUrl('http://gitlab.internal/g/p', { hosts: HTTP_GITLAB })).toBeUndefined();
    expect(safeLinkUrl('http://gitlab.internal:9090/g/p', { hosts: HTTP_GITLAB })).toBeUndefined();
    // A configured host over https (no scheme said) gives no http.
    expect(
      safeLinkUrl('http://gitlab.example/g/p', { hosts: [{ host: 'gitlab.example', kind: 'gitlab' }] })
    ).toBeUndefined();
  });

  it('with onlyHost, takes that host alone', () => {
    const policy = { onlyHost: 'gitlab.example' };
    expect(safeLinkUrl('https://gitlab.example/oauth/authorize?x=1', policy)).toBe(
      'https://gitlab.example/oauth/authorize?x=1'
    );
    expect(safeLinkUrl('https://evil.example/oauth/authorize', policy)).toBeUndefined();
    expect(safeLinkUrl('https://gitlab.example.evil.example/oauth/authorize', policy)).toBeUndefined();
    expect(safeLinkUrl('https://gitlab.example:444/oauth/authorize', policy)).toBeUndefined();
    expect(safeLinkUrl('javascript:alert(1)//gitlab.example', policy)).toBeUndefined();
  });
});

describe('safeLinkUrl properties', () => {
  const schemes = ['javascript', 'data', 'vbscript', 'file', 'blob', 'http', 'https', 'ftp', 'about', 'ws'];
  /** A scheme in random case, with random control characters and spaces inside and around it. */
  const noisyScheme = fc
    .tuple(
      fc.constantFrom(...schemes),
      fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }),
      fc.array(fc.constantFrom('', '', '', ' ', '\t', '\n', '\r', '\u0000', '\u001f', '\u00a0'), {
        minLength: 12,
        maxLength: 12,
      })
    )
    .map(([scheme, upper, noise]) => {
      const letters = [...scheme].map((c, i) => (upper[i] ? c.toUpperCase() : c));
      return noise[0] + letters.map((c, i) => c + noise[i + 1]).join('') + noise[11];
    });
  const anyUrlText = fc.oneof(
    fc.string(),
    fc.webUrl({
      withFragments: true,
      withQueryParameters: true,
      authoritySettings: { withUserInfo: true, withPort: true },
    }),
    fc.tuple(noisyScheme, fc.constantFrom(':', '://', ':///', ':\\\\'), fc.string()).map((parts) => parts.join(''))
  );

  it(
    'never gives a URL whose scheme is not https, or http on the configured host',
    () => {
      let kept = 0;
      fc.assert(
        fc.property(anyUrlText, fc.boolean(), (text, withHosts) => {
          const out = safeLinkUrl(text, withHosts ? { hosts: HTTP_GITLAB } : {});
          if (out === undefined) {
            return;
          }
          kept++;
          // As a browser reads the href: the scheme after its own stripping of whitespace and controls.
          const read = new URL(out);
          const httpAllowed = withHosts && read.host === 'gitlab.internal:8080';
          expect(read.protocol === 'https:' || (httpAllowed && read.protocol === 'http:')).toBe(true);
          expect(read.username + read.password).toBe('');
          expect(out).toBe(read.href);
        }),
        fuzzParameters(1000)
      );
      // The generator reaches URLs that pass, not only refusals.
      expect(kept).toBeGreaterThan(0);
    },
    fuzzTestTimeout
  );

  it(
    'refuses every script scheme, whatever its case and the control characters around it',
    () => {
      fc.assert(
        fc.property(
          noisyScheme.filter((s) => /^(javascript|data|vbscript)$/i.test(s.replace(/[\s\u0000-\u001f]/g, ''))),
          fc.string(),
          (scheme, rest) => {
            expect(safeLinkUrl(`${scheme}:${rest}`, { hosts: HTTP_GITLAB })).toBeUndefined();
          }
        ),
        fuzzParameters(1000)
      );
    },
    fuzzTestTimeout
  );
});
