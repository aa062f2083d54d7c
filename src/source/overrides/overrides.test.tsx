import React from 'react';
import { act, render, renderHook, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { memoryStorage } from '../../test-support/memory';
import { OverrideButton } from './OverrideEditor';
import {
  OVERRIDES_STORAGE_KEY,
  getOverride,
  resetAllOverrides,
  resetOverride,
  resolveVersion,
  saveOverride,
  validateOverride,
} from './store';
import { useVersionOverride } from './useVersionOverride';

const labels = { repository: 'https://github.com/o/from-labels', gitRef: 'main', rootPath: '' };
const buildId = { repository: 'https://github.com/o/from-build', gitRef: 'abc123', rootPath: 'svc' };
const override = { repository: 'https://github.com/o/by-hand', gitRef: 'HEAD', rootPath: '' };

test('precedence: override > build-id version > labels', () => {
  expect(resolveVersion({ override, buildId, labels })).toEqual({ version: override, origin: 'override' });
  expect(resolveVersion({ buildId, labels })).toEqual({ version: buildId, origin: 'build-id' });
  expect(resolveVersion({ labels })).toEqual({ version: labels, origin: 'labels' });
  expect(resolveVersion({ buildId: { repository: '', gitRef: '', rootPath: '' } })).toEqual({ origin: 'none' });
});

test('validation: the URL is required and must name owner/repo; ref defaults to HEAD; root path is tidied', () => {
  expect(validateOverride({ repository: '', ref: '', rootPath: '' })).toMatchObject({
    ok: false,
    errors: { repository: expect.stringMatching(/Enter the repository URL/) },
  });
  expect(validateOverride({ repository: 'not a url', ref: '', rootPath: '' })).toMatchObject({ ok: false });
  expect(validateOverride({ repository: 'https://github.com/only-owner', ref: '', rootPath: '' })).toMatchObject({
    ok: false,
  });
  expect(validateOverride({ repository: 'https://github.com/o/r', ref: 'a b', rootPath: '../x' })).toMatchObject({
    ok: false,
    errors: { ref: expect.any(String), rootPath: expect.any(String) },
  });
  expect(
    validateOverride({ repository: ' https://github.com/o/r.git/ ', ref: '', rootPath: '/services/cart/' })
  ).toEqual({
    ok: true,
    value: { repository: 'https://github.com/o/r', gitRef: 'HEAD', rootPath: 'services/cart' },
  });
  expect(validateOverride({ repository: 'git@ghe.example.com:o/r.git', ref: 'v1.2', rootPath: '' })).toMatchObject({
    ok: true,
    value: { repository: 'https://ghe.example.com/o/r', gitRef: 'v1.2' },
  });
});

test("validation reads the source server's own GitLab by its layout: a self-managed host below a path, groups nested", () => {
  const form = { repository: 'https://example.com/gitlab/group/sub/project', ref: '', rootPath: '' };
  expect(validateOverride(form)).toMatchObject({ ok: false });
  expect(validateOverride(form, [{ host: 'example.com', kind: 'gitlab', pathPrefix: '/gitlab' }])).toMatchObject({
    ok: true,
    value: { repository: 'https://example.com/gitlab/group/sub/project', gitRef: 'HEAD' },
  });
});

test('persistence per data source and service; reset one; reset all; a damaged entry is ignored', () => {
  const storage = memoryStorage();
  saveOverride(storage, { datasourceUid: 'ds1', serviceName: 'shop-go' }, override);
  saveOverride(storage, { datasourceUid: 'ds1', serviceName: 'shop-java' }, labels);
  saveOverride(storage, { datasourceUid: 'ds2', serviceName: 'shop-go' }, buildId);
  expect(getOverride(storage, { datasourceUid: 'ds1', serviceName: 'shop-go' })).toEqual(override);
  expect(getOverride(storage, { datasourceUid: 'ds2', serviceName: 'shop-go' })).toEqual(buildId);
  expect(getOverride(storage, { datasourceUid: 'ds1', serviceName: 'other' })).toBeUndefined();
  resetOverride(storage, { datasourceUid: 'ds1', serviceName: 'shop-go' });
  expect(getOverride(storage, { datasourceUid: 'ds1', serviceName: 'shop-go' })).toBeUndefined();
  expect(getOverride(storage, { datasourceUid: 'ds1', serviceName: 'shop-java' })).toEqual(labels);
  resetAllOverrides(storage);
  expect(getOverride(storage, { datasourceUid: 'ds2', serviceName: 'shop-go' })).toBeUndefined();
  storage.setItem(OVERRIDES_STORAGE_KEY, '{not json');
  expect(getOverride(storage, { datasourceUid: 'ds1', serviceName: 'shop-go' })).toBeUndefined();
});

// Typing through user-event is slow on a busy machine.
jest.setTimeout(30000);

describe('the form', () => {
  beforeEach(() => window.localStorage.clear());

  test('rejects a bad URL, saves a good one, marks "(overridden)", survives a remount, resets', async () => {
    const user = userEvent.setup();
    const scope = { datasourceUid: 'ds1', serviceName: 'shop-go' };
    const hook = renderHook(() => useVersionOverride(scope));
    const view = render(<OverrideButton dataSourceUid="ds1" serviceName="shop-go" current={labels} />);
    expect(screen.queryByTestId('override-marker')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Override repository, ref and root path' }));
    const url = screen.getByTestId('override-repository');
    expect(url).toHaveValue(labels.repository);
    // The hosts a URL may name come from the providers' table, not from a list in the form.
    expect(screen.getByText(/any GitHub, GitLab, Bitbucket.* repository URL works/)).toBeInTheDocument();
    await user.clear(url);
    await user.type(url, 'github.com/o');
    await user.click(screen.getByTestId('override-save'));
    expect(screen.getByText(/This is not a URL/)).toBeInTheDocument();
    expect(hook.result.current).toBeUndefined();

    await user.clear(url);
    await user.type(url, 'https://github.com/o/by-hand');
    await user.clear(screen.getByTestId('override-ref'));
    await user.click(screen.getByTestId('override-save'));
    expect(screen.queryByTestId('override-form')).not.toBeInTheDocument();
    expect(screen.getByTestId('override-marker')).toHaveTextContent('(overridden)');
    expect(hook.result.current).toEqual(override);

    view.unmount();
    render(<OverrideButton dataSourceUid="ds1" serviceName="shop-go" />);
    expect(screen.getByTestId('override-marker')).toBeInTheDocument();
    await user.click(screen.getByTestId('override-open'));
    expect(screen.getByTestId('override-repository')).toHaveValue('https://github.com/o/by-hand');
    await user.click(screen.getByTestId('override-reset'));
    expect(screen.queryByTestId('override-marker')).not.toBeInTheDocument();
    expect(hook.result.current).toBeUndefined();
  });

  test('reset all asks for confirmation and clears every service', async () => {
    const user = userEvent.setup();
    saveOverride(window.localStorage, { datasourceUid: 'ds1', serviceName: 'shop-go' }, override);
    saveOverride(window.localStorage, { datasourceUid: 'ds9', serviceName: 'x' }, override);
    render(<OverrideButton dataSourceUid="ds1" serviceName="shop-go" />);
    await user.click(screen.getByTestId('override-open'));
    await user.click(screen.getByText('Reset all overrides'));
    await user.click(screen.getByRole('button', { name: 'Reset all' }));
    expect(window.localStorage.getItem(OVERRIDES_STORAGE_KEY)).toBeNull();
    await act(async () => {});
    expect(screen.queryByTestId('override-marker')).not.toBeInTheDocument();
  });
});
