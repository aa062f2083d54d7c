"""Linescope's sampling profiler for the Python sample service.

A daemon thread wakes every --interval seconds, reads sys._current_frames(), and records the main thread's stack:
file, function (co_qualname), first line of the function and current line of every frame, innermost first. A
sample is kept only while the main thread runs the target (inside run_target) and only when it used CPU since the
previous tick (from /proc/self/task/<tid>/schedstat); it carries that CPU time, so the profile is a CPU profile.
The target runs in this process like `python -m`.

Usage: python3 pysampler.py --out raw.json [--interval 0.005] -m MODULE [ARGS...]

Output (JSON): {"frames": [[file, name, first_line, line], ...], "stacks": [[frame index, ...], ...],
"samples": [[stack index, cpu_ns], ...], plus interval_ns, start_unix_ns, duration_ns, python, executable}.
A line of 0 means Python reported none (frame.f_lineno is None).
"""

import argparse
import json
import os
import runpy
import sys
import threading
import time

SELF = os.path.abspath(__file__)


def thread_cpu_ns(native_id):
    """CPU time the thread has run, in ns, or None where /proc has no schedstat."""
    try:
        with open(f"/proc/self/task/{native_id}/schedstat") as f:
            return int(f.read().split()[0])
    except OSError:
        return None


class Sampler:
    def __init__(self, interval, target):
        self.interval = interval
        self.target = target
        self.frames = {}
        self.stacks = {}
        self.samples = []
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.run, name="linescope-sampler", daemon=True)

    def index(self, table, key):
        found = table.get(key)
        if found is None:
            found = table[key] = len(table)
        return found

    def take(self, frame):
        """The stack innermost first, or None when the thread is not inside run_target (starting or stopping)."""
        stack = []
        in_target = False
        while frame is not None:
            code = frame.f_code
            if code.co_filename != SELF:  # the sampler's own frames are not the service's
                lineno = frame.f_lineno
                key = (code.co_filename, code.co_qualname, code.co_firstlineno, lineno or 0)
                stack.append(self.index(self.frames, key))
            elif code.co_name == "run_target":
                in_target = True
            frame = frame.f_back
        return tuple(stack) if in_target else None

    def run(self):
        last_cpu = thread_cpu_ns(self.target.native_id)
        while not self.stop.wait(self.interval):
            cpu = thread_cpu_ns(self.target.native_id)
            used = self.interval_ns() if cpu is None or last_cpu is None else cpu - last_cpu
            last_cpu = cpu
            frame = sys._current_frames().get(self.target.ident)
            if frame is None or used <= 0:
                continue
            stack = self.take(frame)
            del frame
            if stack:
                self.samples.append([self.index(self.stacks, stack), used])

    def interval_ns(self):
        return int(self.interval * 1e9)


def run_target(module):
    runpy.run_module(module, run_name="__main__", alter_sys=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True)
    parser.add_argument("--interval", type=float, default=0.005)
    if "-m" not in sys.argv[1:-1]:
        parser.error("give the module to run with -m MODULE [ARGS...]")
    split = sys.argv.index("-m", 1)
    options = parser.parse_args(sys.argv[1:split])
    module, module_args = sys.argv[split + 1], sys.argv[split + 2 :]

    # As `python -m`: the current folder first on sys.path, the module's arguments in sys.argv.
    sys.path[0] = os.getcwd()
    sys.argv = [module, *module_args]
    sampler = Sampler(options.interval, threading.main_thread())
    start_unix_ns = time.time_ns()
    start = time.perf_counter_ns()
    sampler.thread.start()
    try:
        run_target(module)
    finally:
        sampler.stop.set()
        sampler.thread.join()
    duration_ns = time.perf_counter_ns() - start

    frames = sorted(sampler.frames, key=sampler.frames.get)
    stacks = sorted(sampler.stacks, key=sampler.stacks.get)
    with open(options.out, "w") as f:
        json.dump(
            {
                "python": sys.version.split()[0],
                "executable": os.path.realpath(sys.executable),
                "interval_ns": sampler.interval_ns(),
                "start_unix_ns": start_unix_ns,
                "duration_ns": duration_ns,
                "frames": [list(frame) for frame in frames],
                "stacks": [list(stack) for stack in stacks],
                "samples": sampler.samples,
            },
            f,
        )


if __name__ == "__main__":
    main()
