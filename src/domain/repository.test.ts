import { describeRepository, parseTypedRepository } from './repository';

test('parses the forms repository URLs come in, and says why others are not', () => {
  expect(parseTypedRepository('https://github.com/o/r.git/')).toMatchObject({
    ok: true,
    value: { webUrl: 'https://github.com/o/r', host: 'github.com', owner: 'o', repo: 'r' },
  });
  expect(parseTypedRepository('git@ghe.corp:team/svc.git')).toMatchObject({
    ok: true,
    value: { webUrl: 'https://ghe.corp/team/svc' },
  });
  expect(parseTypedRepository('ftp://github.com/o/r')).toMatchObject({
    ok: false,
    reason: expect.stringMatching(/https/),
  });
  expect(parseTypedRepository('https://github.com/o/r/tree/main')).toMatchObject({ ok: false });
  expect(parseTypedRepository('https://github.com/o/r?tab=x')).toMatchObject({ ok: false });
  expect(describeRepository('https://github.com/linescope-demo/shop-go')?.display).toBe('linescope-demo/shop-go');
  expect(describeRepository('not a url')).toBeUndefined();
  // Labels come in more forms than the form accepts: the label and the links read them like the panel does.
  expect(describeRepository('ssh://git@ghe.example.com/team/app.git')?.display).toBe('team/app');
});
