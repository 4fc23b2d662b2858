import ArgumentParser

struct Import: ParsableCommand { static let configuration = CommandConfiguration(abstract: "Turn documents the province already has into site files.", subcommands: [ImportReport.self]) }
