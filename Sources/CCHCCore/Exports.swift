// The site's language and number text are part of this module's interface (`SiteSettings.language`),
// so a client that imports CCHCCore sees them without importing CCHCFormat itself.
@_exported import CCHCFormat
