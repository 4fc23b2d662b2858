import CCHCBuildInfo
import CCHCCore

/// What `cchc --version` prints: the version and, when the build knew it, the commit,
/// e.g. `0.1.0 (abc1234)`.
let cchcVersionLine: String = {
    let commit = String(CCHC_COMMIT)
    return commit.isEmpty ? cchcVersion : "\(cchcVersion) (\(commit))"
}()
