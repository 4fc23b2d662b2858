#include <mimalloc.h>

/// Sets mimalloc up for a build: 2 MiB pages from the OS, committed as soon as they are reserved
/// (from the first segment on), and memory freed kept for a second before it is given back.
///
/// Measured on national builds, 4 December 2026, in alternating pairs: large pages and the delay
/// took the page faults from 121,000-137,000 to 33,500-41,500 and user CPU from 6.9-7.1 s to
/// 6.1-6.7 s; committing eagerly then took the faults to 1,400 and the median wall time from
/// 4.35 s to 4.14 s. The peak grows by some 45 MB. Called first thing in `main`, before the work
/// allocates most of its memory.
static inline void cchc_tune_allocator(void) {
    mi_option_set(mi_option_large_os_pages, 1);
    mi_option_set(mi_option_eager_commit_delay, 0);
    mi_option_set(mi_option_decommit_delay, 1000);
}
