/*
 * Linescope's sampling profiler for the Ruby sample service: every frame's line, read inside the signal.
 *
 * A CPU timer (setitimer ITIMER_PROF) sends SIGPROF. The handler copies the running thread's stack with
 * rb_profile_frames, which gives each frame and the line it is on, into a ring of samples, and asks Ruby to run a
 * postponed job that appends them to the recording. Reading the stack in the handler (as stackprof does)
 * means a sample lands on the line that was running, not on the next interrupt check, so self per line is not
 * pulled towards returns and loops. A sample that finds the ring full is dropped and counted. A sample during
 * GC records GC's phase instead of a stack, since the stack cannot be walked then.
 *
 * Ruby API (module RbSampler): start(interval_us), stop, result => {frames:, samples:, gc:, dropped:} (see
 * rb_result). rbsampler.rb turns the result into the JSON that record/ruby.ts converts to pprof.
 */
#include <ruby.h>
#include <ruby/debug.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>

#define MAX_DEPTH 1024

enum { GC_NONE = 0, GC_MARKING = 1, GC_SWEEPING = 2 };

/*
 * The ring of samples the signal handler fills and record_pending empties. Both run on the Ruby thread, the handler
 * possibly in the middle of record_pending, so the handler writes only slots record_pending has finished with.
 */
#define RING 64
static VALUE ring_frames[RING][MAX_DEPTH];
static int ring_lines[RING][MAX_DEPTH];
static int ring_depth[RING];
static volatile unsigned long ring_written, ring_read;
/* Samples that fell in GC's marking or sweeping phase, not yet recorded. */
static volatile long pending_gc[3];
static volatile sig_atomic_t running;

/*
 * The recording. Each distinct frame is kept once (distinct_frames, found through frame_ids), so GC marks a few
 * hundred objects rather than every frame of every sample; the samples hold frame ids and lines, back to back:
 * sample i is [sample_offsets[i], sample_offsets[i + 1]). Memory comes from plain realloc, which Ruby does not
 * count towards its next GC: the recording should not make the program collect more often than it would.
 */
static st_table *frame_ids;
static VALUE *distinct_frames;
static long distinct_count, distinct_cap;
static long *recorded_ids;
static int *recorded_lines;
static long recorded_len, recorded_cap;
static long *sample_offsets;
static int *sample_gc;
static long sample_count, sample_cap;
static long dropped;

static VALUE sym_state, sym_marking, sym_sweeping;
static VALUE keeper;

/* Grows the arrays behind *first and *second (same length, *cap) to hold at least need items. */
static void grow(void **first, size_t first_size, void **second, size_t second_size, long *cap, long need) {
    if (need <= *cap) return;
    long next = *cap ? *cap : 4096;
    while (next < need) next *= 2;
    void *a = realloc(*first, next * first_size);
    if (a) *first = a;
    void *b = second && a ? realloc(*second, next * second_size) : NULL;
    if (!a || (second && !b)) rb_memerror();
    if (second) *second = b;
    *cap = next;
}

static long frame_id(VALUE frame) {
    st_data_t id;
    if (st_lookup(frame_ids, (st_data_t)frame, &id)) return (long)id;
    grow((void **)&distinct_frames, sizeof(VALUE), NULL, 0, &distinct_cap, distinct_count + 1);
    distinct_frames[distinct_count] = frame;
    st_insert(frame_ids, (st_data_t)frame, (st_data_t)distinct_count);
    return distinct_count++;
}

static void append_sample(const VALUE *frames, const int *lines, long depth, int gc) {
    grow((void **)&recorded_ids, sizeof(long), (void **)&recorded_lines, sizeof(int), &recorded_cap,
         recorded_len + depth);
    for (long i = 0; i < depth; i++) {
        recorded_ids[recorded_len + i] = frame_id(frames[i]);
        recorded_lines[recorded_len + i] = lines[i];
    }
    grow((void **)&sample_offsets, sizeof(long), (void **)&sample_gc, sizeof(int), &sample_cap, sample_count + 2);
    sample_offsets[sample_count] = recorded_len;
    sample_gc[sample_count] = gc;
    recorded_len += depth;
    sample_count++;
    sample_offsets[sample_count] = recorded_len;
}

/* Runs on the Ruby thread at its next interrupt check: no longer in the signal, so it may allocate. */
static void record_pending(void *unused) {
    for (int gc = GC_MARKING; gc <= GC_SWEEPING; gc++) {
        for (; pending_gc[gc] > 0; pending_gc[gc]--) append_sample(NULL, NULL, 0, gc);
    }
    while (ring_read != ring_written) {
        unsigned long slot = ring_read % RING;
        append_sample(ring_frames[slot], ring_lines[slot], ring_depth[slot], GC_NONE);
        ring_read++;
    }
}

static void on_sigprof(int sig, siginfo_t *info, void *context) {
    if (!running || !ruby_native_thread_p()) return;
    if (rb_during_gc()) {
        /* GC may run for many intervals, while no job can run: count its samples rather than buffer them. */
        if (rb_gc_latest_gc_info(sym_state) == sym_sweeping) {
            pending_gc[GC_SWEEPING]++;
        } else {
            pending_gc[GC_MARKING]++;
        }
    } else if (ring_written - ring_read >= RING) {
        dropped++;
        return;
    } else {
        unsigned long slot = ring_written % RING;
        ring_depth[slot] = rb_profile_frames(0, MAX_DEPTH, ring_frames[slot], ring_lines[slot]);
        ring_written++;
    }
    rb_postponed_job_register_one(0, record_pending, NULL);
}

static void keeper_mark(void *unused) {
    /* The frames are Ruby objects (iseqs, method entries): keep them alive until result reads them. */
    rb_gc_mark_locations(distinct_frames, distinct_frames + distinct_count);
    for (unsigned long i = ring_read; i != ring_written; i++) {
        unsigned long slot = i % RING;
        rb_gc_mark_locations(ring_frames[slot], ring_frames[slot] + ring_depth[slot]);
    }
}

static const rb_data_type_t keeper_type = {
    .wrap_struct_name = "rbsampler_keeper",
    .function = {.dmark = keeper_mark},
};

static VALUE rb_start(VALUE self, VALUE interval_us) {
    long us = NUM2LONG(interval_us);
    if (us <= 0) rb_raise(rb_eArgError, "interval must be positive microseconds");
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = on_sigprof;
    sa.sa_flags = SA_RESTART | SA_SIGINFO;
    sigemptyset(&sa.sa_mask);
    if (sigaction(SIGPROF, &sa, NULL) != 0) rb_sys_fail("sigaction");
    running = 1;
    struct itimerval timer = {{us / 1000000, us % 1000000}, {us / 1000000, us % 1000000}};
    if (setitimer(ITIMER_PROF, &timer, NULL) != 0) rb_sys_fail("setitimer");
    return Qnil;
}

static VALUE rb_stop(VALUE self) {
    struct itimerval off;
    memset(&off, 0, sizeof(off));
    setitimer(ITIMER_PROF, &off, NULL);
    running = 0;
    record_pending(NULL);
    return Qnil;
}

static VALUE string_or_nil(VALUE v) { return NIL_P(v) ? Qnil : rb_str_dup(v); }

/*
 * {frames: [[path or nil, full label, first line], ...] (each distinct frame once),
 *  samples: [[[frame index, ...], [line, ...]], ...] (innermost first), gc: [nil | "marking" | "sweeping", ...]
 *  (per sample), dropped: samples lost to a full ring}
 */
static VALUE rb_result(VALUE self) {
    VALUE frames = rb_ary_new_capa(distinct_count);
    for (long f = 0; f < distinct_count; f++) {
        VALUE frame = distinct_frames[f];
        VALUE path = rb_profile_frame_absolute_path(frame);
        if (NIL_P(path)) path = rb_profile_frame_path(frame);
        rb_ary_push(frames, rb_ary_new_from_args(3, string_or_nil(path), string_or_nil(rb_profile_frame_full_label(frame)),
                                                 rb_profile_frame_first_lineno(frame)));
    }
    VALUE samples = rb_ary_new_capa(sample_count);
    VALUE gc = rb_ary_new_capa(sample_count);
    for (long s = 0; s < sample_count; s++) {
        VALUE ids = rb_ary_new();
        VALUE lines = rb_ary_new();
        for (long i = sample_offsets[s]; i < sample_offsets[s + 1]; i++) {
            rb_ary_push(ids, LONG2NUM(recorded_ids[i]));
            rb_ary_push(lines, INT2NUM(recorded_lines[i]));
        }
        rb_ary_push(samples, rb_ary_new_from_args(2, ids, lines));
        rb_ary_push(gc, sample_gc[s] == GC_MARKING    ? rb_str_new_cstr("marking")
                        : sample_gc[s] == GC_SWEEPING ? rb_str_new_cstr("sweeping")
                                                      : Qnil);
    }
    VALUE result = rb_hash_new();
    rb_hash_aset(result, ID2SYM(rb_intern("frames")), frames);
    rb_hash_aset(result, ID2SYM(rb_intern("samples")), samples);
    rb_hash_aset(result, ID2SYM(rb_intern("gc")), gc);
    rb_hash_aset(result, ID2SYM(rb_intern("dropped")), LONG2NUM(dropped));
    return result;
}

void Init_rbsampler(void) {
    frame_ids = st_init_numtable();
    sym_state = ID2SYM(rb_intern("state"));
    sym_marking = ID2SYM(rb_intern("marking"));
    sym_sweeping = ID2SYM(rb_intern("sweeping"));
    /* Its first call interns its symbols, which allocates: do it here, never first inside the signal. */
    rb_gc_latest_gc_info(sym_state);
    /* Ruby calls dmark only for a non-NULL pointer; any will do, keeper_mark reads the statics. */
    keeper = TypedData_Wrap_Struct(rb_cObject, &keeper_type, &recorded_len);
    rb_gc_register_mark_object(keeper);
    VALUE module = rb_define_module("RbSampler");
    rb_define_module_function(module, "start", rb_start, 1);
    rb_define_module_function(module, "stop", rb_stop, 0);
    rb_define_module_function(module, "result", rb_result, 0);
}
