import { type RefObject, useEffect, useRef } from 'react';

// @grafana/flamegraph highlights the nodes matching its search box and has no prop for it: the function shown in
// Function details is typed into that box (as an anchored regular expression, what the flame graph itself writes
// when a table row is clicked), and taken out again when the panel closes unless the user has typed over it.

const SEARCH_INPUT = 'input[placeholder="Search..."]';

const anchored = (name: string) => `^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`;

/** Sets a React-controlled input's value the way typing does, so that its onChange runs. */
function typeInto(input: HTMLInputElement, value: string) {
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

export function useFlameGraphHighlight(container: RefObject<HTMLElement | null>, functionName: string | undefined) {
  const written = useRef<string>(undefined);
  useEffect(() => {
    const input = container.current?.querySelector<HTMLInputElement>(SEARCH_INPUT);
    if (!input) {
      return;
    }
    if (functionName) {
      written.current = anchored(functionName);
      typeInto(input, written.current);
    } else if (written.current !== undefined) {
      if (input.value === written.current) {
        typeInto(input, '');
      }
      written.current = undefined;
    }
  }, [container, functionName]);
}
