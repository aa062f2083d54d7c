import { PyroscopeError } from './errors';
import { allowedMaxNodes, PYROSCOPE_DEFAULT_MAX_NODES_MAX, selectMergeProfileWithMostNodes } from './mergeNodeLimit';
import type { SelectMergeProfileParams } from './selectMergeProfileRequest';

const params = { profileTypeId: 'p:c:n:c:n', labelSelector: '{}', start: 1, end: 2, callSite: ['main'] };
const refusal = (allowed: number) =>
  new PyroscopeError(
    `SelectMergeProfile failed (HTTP 400): invalid_argument: max flamegraph nodes limit ${PYROSCOPE_DEFAULT_MAX_NODES_MAX} is greater than allowed ${allowed}`,
    400,
    ''
  );

test("asks for Pyroscope's usual maximum of nodes, so a tenant's default limit does not cut the profile", async () => {
  const asked: SelectMergeProfileParams[] = [];
  const bytes = await selectMergeProfileWithMostNodes(async (p) => {
    asked.push(p);
    return new Uint8Array([1]);
  }, params);
  expect(bytes).toEqual(new Uint8Array([1]));
  expect(asked).toEqual([{ ...params, maxNodes: 1048576 }]);
});

test("asks again for the tenant's own maximum when it allows fewer", async () => {
  const asked: Array<number | undefined> = [];
  await selectMergeProfileWithMostNodes(async (p) => {
    asked.push(p.maxNodes);
    if (p.maxNodes! > 50000) {
      throw refusal(50000);
    }
    return new Uint8Array();
  }, params);
  expect(asked).toEqual([1048576, 50000]);
});

test('other failures are passed on, once', async () => {
  let calls = 0;
  const failing = async () => {
    calls++;
    throw new PyroscopeError('SelectMergeProfile failed (HTTP 502): bad gateway', 502, '');
  };
  await expect(selectMergeProfileWithMostNodes(failing, params)).rejects.toThrow('bad gateway');
  expect(calls).toBe(1);
  expect(allowedMaxNodes(refusal(0))).toBeUndefined();
  expect(allowedMaxNodes(undefined)).toBeUndefined();
});
