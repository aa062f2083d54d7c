// The node project's tests start servers and git processes: a 5 s default would turn a busy machine into failures.
jest.setTimeout(30_000);

// Tests never reach the public package registries (a test wanting one serves e2e/registry-doubles): an in-process
// request to them fails loudly instead of depending on the network. The opt-in live test runs outside Jest.
const PUBLIC_REGISTRY_ORIGINS = new Set([
  'https://proxy.golang.org',
  'https://registry.npmjs.org',
  'https://rubygems.org',
  'https://pypi.org',
  'https://files.pythonhosted.org',
  'https://repo1.maven.org',
]);
const realFetch = globalThis.fetch;
globalThis.fetch = (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (PUBLIC_REGISTRY_ORIGINS.has(url.origin)) {
    return Promise.reject(new Error(`a test asked the public registry ${url.origin}: use e2e/registry-doubles`));
  }
  return realFetch(input, init);
};
