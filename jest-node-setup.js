// The node project's tests start servers and git processes: a 5 s default would turn a busy machine into failures.
jest.setTimeout(30_000);
