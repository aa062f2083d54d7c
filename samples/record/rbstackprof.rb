# frozen_string_literal: true

# Runs a Ruby script under stackprof (Debian's ruby-stackprof) in CPU mode, for the cross-check of our sampler:
# `ruby rbstackprof.rb DUMP SCRIPT ARGS...` writes stackprof's dump to DUMP, read with `stackprof DUMP --method M`.
require 'stackprof'

dump = ARGV.shift
script = ARGV.shift
abort 'usage: ruby rbstackprof.rb DUMP SCRIPT ARGS...' unless dump && script
$PROGRAM_NAME = script
StackProf.run(mode: :cpu, raw: true, interval: 1000, out: dump) { load script }
