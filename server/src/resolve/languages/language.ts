/**
 * What one language brings to GetFile's resolution. Each language is one module exporting one `LanguageRules`,
 * listed once in index.ts; resolver.ts runs whichever the frame or the matching mapping names, and knows none.
 */
import type { Dependency } from '../../registries/dependency';
import { PyroscopeConfig } from '../mappings';
import { Resolution, ResolveRequest, Resolved } from '../resolution';

/** What the language's own rules know of the frame besides the request. */
export interface LanguageFrame {
  config: PyroscopeConfig | undefined;
  /** A `.pyroscope.yaml` mapping matched the frame (and was tried before the language's rules). */
  mapped: boolean;
  /** The runtime's version from the service's labels, "" when unknown. */
  runtimeVersion: string;
}

export interface LanguageRules {
  /** The `language:` names `.pyroscope.yaml` accepts for these rules; a frame recognised by its path gets the first. */
  readonly names: readonly [string, ...string[]];
  /** Whether a frame's path is this language's; `extension` is the unwrapped path's (`.go`), or "". */
  ownsPath(path: string, extension: string): boolean;
  /** Whether a frame with no path at all is this language's, by its function name alone. */
  ownsFunctionName?(functionName: string): boolean;
  /** Frames whose language rules start with (`ownsPath` true), e.g. in the table's test and in the docs. */
  readonly examplePaths: readonly string[];
  /** The file a mapping with this `language:` reads for a frame, when not the frame's path after the prefix. */
  fileForMapping?(request: ResolveRequest): string;
  /** Where one of this language's frames sits under a mapping (`rel`: its path after the prefix), when not `rel`. */
  underMapping?(path: string, rel: string): string;
  /** Starts, while `.pyroscope.yaml` loads, the read these rules will most likely need first. */
  speculate?(r: Resolution): void;
  /**
   * The language's own places, after the mappings: its runtime's library, its package folders, the service's
   * tree. A frame inside a dependency (`node_modules/<package>`, a gem, a module cache) is recognised here, so a
   * source that reads dependencies (a package registry) is one more place tried at that step.
   */
  find(r: Resolution, frame: LanguageFrame): Promise<Resolved | undefined>;
  /**
   * The dependency (package and version) a frame lies in, for the package registries: what `find` tries at its
   * step, and what a `registry:` mapping reads first. Undefined for a frame outside any package.
   */
  dependency?(r: Resolution): Promise<Dependency | undefined>;
  /** Why nothing was found, with what would fix it (the places tried are told beside it). */
  notFoundReason(r: Resolution, frame: LanguageFrame): string;
}
