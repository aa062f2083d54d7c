# frozen_string_literal: true

# Builds rbsampler.so, Linescope's Ruby sampling profiler (see rbsampler.c): `ruby extconf.rb && make`.
require 'mkmf'

abort 'rbsampler needs rb_profile_frames (Ruby >= 2.1)' unless have_func('rb_profile_frames', 'ruby/debug.h')
$CFLAGS << ' -O2 -Wall -Wextra -Wno-unused-parameter'
create_makefile('rbsampler')
