/// SVG charts drawn in Swift; see the other files of this module.
public enum Charts {}
