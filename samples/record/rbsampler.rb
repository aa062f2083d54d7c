# frozen_string_literal: true

# Linescope's sampling profiler for the Ruby sample service, loaded with
# `ruby -I <build dir of rbsampler/> -r rbsampler.rb SCRIPT ARGS...`.
#
# The sampling is done by the C extension in rbsampler/ (see rbsampler.c): a CPU timer every LINESCOPE_INTERVAL_US
# microseconds (default 1000), and in the signal handler rb_profile_frames, which gives every frame and its line.
# This file starts it, and at exit turns what it recorded into JSON for record/ruby.ts:
# {"ruby", "executable", "start_unix_ns", "duration_ns", "interval_ns", "dropped",
#  "frames": [[file, name, first_line, line], ...], "stacks": [[frame index, ...], ...] (innermost first),
#  "samples": [[stack index, cpu_ns], ...]}, written to LINESCOPE_RAW_OUT.
#
# Frames are named as Ruby names them for profilers (rb_profile_frame_full_label): "Shop::Catalog#search",
# "Shop::Pricing.best_subset", "String#downcase". Blocks are part of their method's frame, as in stackprof: Ruby
# gives a block's frame its method's entry. C methods have file "<cfunc>" and line 0. A sample taken during GC is
# the stack "(marking)" or "(sweeping)" under "(garbage collection)", as stackprof shows it.
require 'json'
require 'rbsampler'

module RbSamplerRecording
  OUT = ENV.fetch('LINESCOPE_RAW_OUT') { abort 'rbsampler: set LINESCOPE_RAW_OUT to the file to write' }
  INTERVAL_US = Integer(ENV.fetch('LINESCOPE_INTERVAL_US', '1000'))
  GC_FRAME = ['', '(garbage collection)', 0, 0].freeze

  class << self
    def start
      @start_unix_ns = Process.clock_gettime(Process::CLOCK_REALTIME, :nanosecond)
      @start = Process.clock_gettime(Process::CLOCK_MONOTONIC, :nanosecond)
      RbSampler.start(INTERVAL_US)
    end

    def finish
      RbSampler.stop
      duration = Process.clock_gettime(Process::CLOCK_MONOTONIC, :nanosecond) - @start
      result = RbSampler.result
      frames = {}
      stacks = {}
      samples = result[:samples].each_with_index.map do |(ids, lines), i|
        stack = stack_of(result[:frames], ids, lines, result[:gc][i]).map { |f| frames[f] ||= frames.size }
        [stacks[stack] ||= stacks.size, INTERVAL_US * 1000]
      end
      File.write(OUT, JSON.generate(
        ruby: RUBY_VERSION, executable: RbConfig.ruby, start_unix_ns: @start_unix_ns, duration_ns: duration,
        interval_ns: INTERVAL_US * 1000, dropped: result[:dropped],
        frames: frames.keys, stacks: stacks.keys, samples: samples
      ))
      warn "rbsampler: #{samples.size} samples, #{result[:dropped]} dropped (ring full)"
    end

    private

    def stack_of(frames, ids, lines, gc)
      return [["", "(#{gc})", 0, 0], GC_FRAME] if gc

      ids.zip(lines).map do |id, line|
        path, name, first = frames[id]
        [path || '', name || '(unknown)', first || 0, line]
      end
    end
  end
end

RbSamplerRecording.start
at_exit { RbSamplerRecording.finish }
warn 'rbsampler: ready'
