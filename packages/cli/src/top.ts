// What `linescope top` and the top_functions tool share: the hottest functions, or a refusal that says why not.
import { type SampleTypeChoice, type TopFunctions, topFunctions } from '@linescope/lines';

import { asCliError, NO_SAMPLES } from './annotate';
import { CliError } from './errors';

/** The profile's functions ranked by self; a refusal for an unknown sample type or a profile without samples. */
export function hottestFunctions(profile: Uint8Array, sampleType: SampleTypeChoice | undefined): TopFunctions {
  let top: TopFunctions;
  try {
    top = topFunctions(profile, { sampleType });
  } catch (error) {
    throw asCliError(error);
  }
  if (top.functions.length === 0) {
    throw new CliError(NO_SAMPLES);
  }
  return top;
}

/** A sample type as typed: a name (alloc_space) or an index into the profile's sample types (1). */
export function sampleTypeOf(value: string | undefined): SampleTypeChoice | undefined {
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : value;
}
