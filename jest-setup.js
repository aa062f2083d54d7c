// Scaffold setup first: it stubs getContext, which jest-canvas-mock then replaces with a working mock
// (@grafana/flamegraph draws on a 2D context).
import './.config/jest-setup';
import 'jest-canvas-mock';
// jsdom lacks IntersectionObserver, which @grafana/ui's Combobox uses for its scroll indicators (Grafana's own test
// setup stubs it too).
if (!window.IntersectionObserver) {
  window.IntersectionObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
    takeRecords() {
      return [];
    }
  };
}
