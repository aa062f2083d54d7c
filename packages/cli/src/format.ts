// Values in the profile's unit, short and readable beside source (the JSON keeps the raw numbers).

const TIME_STEPS: Array<[number, string]> = [
  [3600e9, 'h'],
  [60e9, 'min'],
  [1e9, 's'],
  [1e6, 'ms'],
  [1e3, 'µs'],
  [1, 'ns'],
];
const TIME_SCALE: Record<string, number> = { nanoseconds: 1, microseconds: 1e3, milliseconds: 1e6, seconds: 1e9 };
const BYTE_STEPS: Array<[number, string]> = [
  [1024 ** 4, 'TiB'],
  [1024 ** 3, 'GiB'],
  [1024 ** 2, 'MiB'],
  [1024, 'KiB'],
  [1, 'B'],
];
const COUNT_STEPS: Array<[number, string]> = [
  [1e9, 'G'],
  [1e6, 'M'],
  [1e3, 'K'],
  [1, ''],
];

function scaled(value: number, steps: Array<[number, string]>, separator: string): string {
  const [size, suffix] = steps.find(([step]) => Math.abs(value) >= step) ?? steps[steps.length - 1];
  const n = value / size;
  const digits = Number.isInteger(n) ? 0 : Math.abs(n) >= 100 ? 0 : Math.abs(n) >= 10 ? 1 : 2;
  return `${n.toFixed(digits)}${suffix ? separator + suffix : ''}`;
}

/** A value of a pprof sample type in its unit: 1.25 s, 34.0 MiB, 1.50K; "." for zero, as `pprof -list` prints it. */
export function formatValue(value: number, unit: string): string {
  if (value === 0) {
    return '.';
  }
  if (unit in TIME_SCALE) {
    return scaled(value * TIME_SCALE[unit], TIME_STEPS, ' ');
  }
  if (unit === 'bytes') {
    return scaled(value, BYTE_STEPS, ' ');
  }
  return scaled(value, COUNT_STEPS, '');
}
