/// The version of cchc, printed by `cchc --version` and written into release manifests.
public let cchcVersion = "0.1.0"
