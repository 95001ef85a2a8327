/// One problem found in an input document: where it is (a JSON path such as
/// `$.sessions[3].windows[0].to`) and what is wrong, in a sentence that says what to do.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }
    public var path: String
    public var message: String
    public var severity: Severity

    public init(_ path: String, _ message: String, severity: Severity = .error) {
        self.path = path
        self.message = message
        self.severity = severity
    }

    public var description: String { "\(path): \(message)" }
}

/// Thrown when a document cannot be used: it names the file and lists every problem found.
public struct InputError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var diagnostics: [Diagnostic]

    public init(file: String, diagnostics: [Diagnostic]) {
        self.file = file
        self.diagnostics = diagnostics
    }

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    public var description: String {
        let errs = errors
        var lines = ["\(file): \(errs.count) problem\(errs.count == 1 ? "" : "s") found"]
        for d in errs.prefix(200) { lines.append("  \(file) \(d.path): \(d.message)") }
        if errs.count > 200 { lines.append("  … and \(errs.count - 200) more") }
        return lines.joined(separator: "\n")
    }
}

/// Collects diagnostics while a reader walks a document.
public final class DiagnosticSink {
    public private(set) var items: [Diagnostic] = []
    public init() {}
    public func error(_ path: String, _ message: String) { items.append(Diagnostic(path, message)) }
    public func warning(_ path: String, _ message: String) {
        items.append(Diagnostic(path, message, severity: .warning))
    }
    public var hasErrors: Bool { items.contains { $0.severity == .error } }
}
