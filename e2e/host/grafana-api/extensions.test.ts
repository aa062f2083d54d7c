import { appExtensions, appsForExtensionPoint, checkAddedLink, linkForContext } from './extensions';

const pluginJson = {
  id: 'my-app',
  extensions: { addedLinks: [{ targets: ['grafana/explore/toolbar/action', 'grafana/dashboard/panel/menu'], title: 'Open in Mine', description: "Open it in Mine's page" }] },
};
const app = { extensions: appExtensions(pluginJson) };
const link = { targets: ['grafana/explore/toolbar/action'], title: 'Open in Mine', description: "Open it in Mine's page", path: '/a/my-app/page' };

describe('extensions in boot data', () => {
  it('copies plugin.json and fills every list', () => {
    expect(appExtensions({})).toEqual({ addedLinks: [], addedComponents: [], exposedComponents: [], extensionPoints: [], addedFunctions: [] });
    expect(app.extensions.addedLinks).toEqual(pluginJson.extensions.addedLinks);
  });

  it('loads an app for an extension point only when its plugin.json declares a link there', () => {
    const apps = { 'my-app': app, other: { extensions: appExtensions({}) } };
    expect(appsForExtensionPoint(apps, 'grafana/dashboard/panel/menu')).toEqual(['my-app']);
    expect(appsForExtensionPoint(apps, 'grafana/alerting/home')).toEqual([]);
  });
});

describe('checkAddedLink', () => {
  it('accepts a link that matches its declaration', () => {
    expect(checkAddedLink('my-app', link, app)).toEqual({ errors: [], warnings: [] });
  });

  it('refuses an undeclared title, a target not declared, a path outside the app; warns on another description', () => {
    expect(checkAddedLink('my-app', { ...link, title: 'Open in Mine!' }, app).errors[0]).toMatch(/not recorded in the plugin.json/);
    expect(checkAddedLink('my-app', { ...link, targets: ['grafana/alerting/home'] }, app).errors[0]).toMatch(/"targets" for the registered extension does not match/);
    expect(checkAddedLink('my-app', { ...link, path: '/a/other-app/x' }, app).errors[0]).toMatch(/should start with "\/a\/my-app\/"/);
    expect(checkAddedLink('my-app', { ...link, description: 'Open it in Mine’s page' }, app)).toEqual({
      errors: [],
      warnings: ['"description" doesn\'t match the description recorded in plugin.json.'],
    });
    expect(checkAddedLink('my-app', link, undefined).errors[0]).toMatch(/Could not find the app plugin/);
  });
});

describe('linkForContext', () => {
  it('lets configure() override the path or hide the link', () => {
    const configured = { ...link, configure: (ctx?: { q?: string }) => (ctx?.q ? { path: `/a/my-app/page?q=${ctx.q}` } : undefined) };
    expect(linkForContext('my-app', 0, configured, { q: 'x' })).toMatchObject({ id: 'my-app-0', type: 'link', title: 'Open in Mine', path: '/a/my-app/page?q=x' });
    expect(linkForContext('my-app', 0, configured, {})).toBeUndefined();
    expect(linkForContext('my-app', 0, { ...link, configure: () => ({ path: '/elsewhere' }) }, {})).toBeUndefined();
  });

  it('hands configure() a context it cannot change', () => {
    const context = { q: 'x' };
    const mutate = () => linkForContext('my-app', 0, { ...link, configure: (ctx?: { q: string }) => void ((ctx as { q: string }).q = 'changed') }, context);
    expect(mutate).toThrow(TypeError);
    expect(context.q).toBe('x');
  });
});
