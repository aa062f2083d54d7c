import { DEBUG_STORAGE_KEY, logger } from './logger';

let warn: jest.SpyInstance;
beforeEach(() => {
  warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  localStorage.clear();
});
afterEach(() => warn.mockRestore());

test('is silent unless asked', () => {
  logger.warn('the worker failed');
  expect(warn).not.toHaveBeenCalled();
  localStorage.setItem(DEBUG_STORAGE_KEY, 'yes please');
  logger.warn('the worker failed');
  expect(warn).not.toHaveBeenCalled();
});

test('writes to the console once debugging is asked for', () => {
  localStorage.setItem(DEBUG_STORAGE_KEY, '1');
  logger.warn('the worker failed');
  expect(warn).toHaveBeenCalledWith('Linescope: the worker failed');
});

test('stays silent when storage is refused', () => {
  const getItem = jest.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
    throw new DOMException('denied', 'SecurityError');
  });
  logger.warn('the worker failed');
  expect(warn).not.toHaveBeenCalled();
  getItem.mockRestore();
});
