// The team's private package ships no types.
declare module '@linescope-demo/canonical-json' {
  export function canonicalJson(value: unknown): string;
}
