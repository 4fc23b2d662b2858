#include <mimalloc.h>

/// Sets mimalloc up for a build: 2 MiB pages from the OS, and memory freed kept for a second
/// before it is given back. A national build then takes a third of the page faults (130,000 down
/// to 42,000) and about a tenth less CPU, for some 40 MB more at its peak. Called first thing in
/// `main`, before the work allocates most of its memory.
static inline void cchc_tune_allocator(void) {
    mi_option_set(mi_option_large_os_pages, 1);
    mi_option_set(mi_option_decommit_delay, 1000);
}
