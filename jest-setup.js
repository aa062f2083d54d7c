// Scaffold setup first: it stubs getContext, which jest-canvas-mock then replaces with a working mock
// (@grafana/flamegraph draws on a 2D context).
import './.config/jest-setup';
import 'jest-canvas-mock';
