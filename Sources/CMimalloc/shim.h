#include <mimalloc.h>

/// Sets mimalloc up for a build: 2 MiB pages from the OS, and memory freed kept for a second
/// before it is given back. In three alternating pairs of national builds (4 December 2026) that
/// took the page faults from 121,000-137,000 to 33,500-41,500 and user CPU from 6.9-7.1 s to
/// 6.1-6.7 s, for some 35 MB more at the peak. Called first thing in `main`, before the work
/// allocates most of its memory.
static inline void cchc_tune_allocator(void) {
    mi_option_set(mi_option_large_os_pages, 1);
    mi_option_set(mi_option_decommit_delay, 1000);
}
