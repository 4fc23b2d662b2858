import CCHCCore
/// The preview server of `cchc serve`.
public enum Preview {}
