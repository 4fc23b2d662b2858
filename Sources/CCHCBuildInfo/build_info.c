// A C target needs one source file; everything this target offers is in its header.
#include "cchc_build_info.h"
