# frozen_string_literal: true

# Linescope's sampling profiler for the Ruby sample service, loaded with `ruby -r rbsampler.rb SCRIPT ARGS...`.
#
# Another process sends SIGPROF (every millisecond while recording). Ruby runs the trap handler on the main thread
# at its next interrupt check, where `caller_locations` is the interrupted stack, innermost first, each frame with
# its file and line. A sample carries the main thread's CPU time since the previous sample, so the profile is a
# CPU profile. Like stackprof, it sees the thread only at interrupt checks (method calls, backward jumps): a
# safepoint bias.
#
# A C method has no location of its own: Ruby reports its caller's file and line. It is recognised by that (and by
# not being a method defined in Ruby there) and written with file "<cfunc>" and line 0, as stackprof does. At exit
# the methods defined in Ruby are looked up (`source_location`) to name frames by owner ("Shop::Catalog#search",
# "Shop::Pricing.best_subset", "block in Shop::Catalog#search") and give each its first line.
#
# Environment: LINESCOPE_RAW_OUT, the JSON file to write: {"ruby", "executable", "start_unix_ns", "duration_ns",
# "frames": [[file, name, first_line, line], ...], "stacks": [[frame index, ...], ...] (innermost first),
# "samples": [[stack index, cpu_ns], ...]}. Prints "rbsampler: ready" on stderr once the handler is installed.
require 'json'

module RbSampler
  OUT = ENV.fetch('LINESCOPE_RAW_OUT') { abort 'rbsampler: set LINESCOPE_RAW_OUT to the file to write' }
  SELF = File.expand_path(__FILE__)
  @raw_stacks = Hash.new(0) # [[path, label, lineno], ...] => index
  @samples = [] # [raw stack index, cpu ns]
  @last_cpu = Process.clock_gettime(Process::CLOCK_THREAD_CPUTIME_ID, :nanosecond)
  @start_unix_ns = Process.clock_gettime(Process::CLOCK_REALTIME, :nanosecond)
  @start = Process.clock_gettime(Process::CLOCK_MONOTONIC, :nanosecond)
  @stack_ids = {}

  class << self
    def sample(locations)
      cpu = Process.clock_gettime(Process::CLOCK_THREAD_CPUTIME_ID, :nanosecond)
      used = cpu - @last_cpu
      @last_cpu = cpu
      stack = locations.filter_map { |l| [l.absolute_path || l.path, l.label, l.lineno] unless l.path == SELF }
      return if stack.empty? || used <= 0

      id = (@stack_ids[stack] ||= @stack_ids.size)
      @samples << [id, used]
    end

    def write
      duration = Process.clock_gettime(Process::CLOCK_MONOTONIC, :nanosecond) - @start
      namer = Namer.new
      frames = {}
      stacks = @stack_ids.keys.map do |stack|
        stack.each_with_index.map do |(path, label, lineno), i|
          caller_frame = stack[i + 1]
          frame = namer.frame(path, label, lineno, caller_frame)
          frames[frame] ||= frames.size
        end
      end
      File.write(OUT, JSON.generate(
        ruby: RUBY_VERSION, executable: RbConfig.ruby, start_unix_ns: @start_unix_ns, duration_ns: duration,
        frames: frames.keys, stacks: stacks, samples: @samples
      ))
    end
  end

  # Names frames after the methods Ruby defined: owner and first line from source_location.
  class Namer
    def initialize
      @methods = Hash.new { |h, k| h[k] = [] } # [path, name] => [[first line, qualified name], ...]
      ObjectSpace.each_object(Module) do |mod|
        owner = mod.singleton_class? ? nil : mod.name
        next unless owner

        add(mod.instance_methods(false) + mod.private_instance_methods(false), owner, '#') { |m| mod.instance_method(m) }
        singleton = mod.singleton_class
        add(singleton.instance_methods(false) + singleton.private_instance_methods(false), owner, '.') do |m|
          singleton.instance_method(m)
        end
      end
      @methods.each_value(&:sort!)
    end

    def frame(path, label, lineno, caller_frame)
      base, block = split(label)
      defined = @methods[[path, base]].select { |first, _| first <= lineno }.last
      if defined
        first, name = defined
        return [path, block ? "#{block}#{name}" : name, first, lineno]
      end
      # A C method: Ruby gave it its caller's file and line.
      return ['<cfunc>', label, 0, 0] if !block && caller_frame && caller_frame[0] == path && caller_frame[2] == lineno

      [path, label, 0, lineno] # <main>, <top (required)>, <class:…>, or a method defined by eval
    end

    private

    def add(names, owner, separator)
      names.each do |m|
        file, line = yield(m).source_location
        @methods[[file, m.to_s]] << [line, "#{owner}#{separator}#{m}"] if file
      end
    end

    # "block (2 levels) in search" => ["search", "block (2 levels) in "]
    def split(label)
      match = /\A((?:block(?: \(\d+ levels\))?|rescue|ensure) in )(.+)\z/.match(label)
      match ? [match[2], match[1]] : [label, nil]
    end
  end
end

Signal.trap('PROF') { RbSampler.sample(caller_locations) }
at_exit do
  Signal.trap('PROF', 'IGNORE')
  RbSampler.write
end
warn 'rbsampler: ready'
