#ifndef CCHC_BUILD_INFO_H
#define CCHC_BUILD_INFO_H

/// The commit cchc was built from, e.g. "abc1234" or "abc1234-dirty", or "" when unknown.
///
/// scripts/build and scripts/package write it into generated/commit.h (ignored by git) before
/// they build; a build without that file (a plain `swift build`, a source tarball outside git)
/// has no commit and `cchc --version` prints the version alone. The commit is a fact of the
/// source, not of the moment or the machine, so two builds of one commit stay byte-identical.
#if __has_include("../generated/commit.h")
#include "../generated/commit.h"
#endif
#ifndef CCHC_COMMIT
#define CCHC_COMMIT ""
#endif

#endif
