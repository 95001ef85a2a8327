import Foundation
import Yams

/// Reads JSON or YAML files into `JSONValue` trees, and writes output files atomically.
public enum DocumentLoader {
    /// Parses JSON, or YAML when the data does not start like JSON.
    public static func parse(_ data: Data, file: String) throws -> JSONValue {
        let firstByte = data.first { !(($0 == 0x20) || ($0 == 0x0A) || ($0 == 0x0D) || ($0 == 0x09)) }
        let looksJSON = firstByte == UInt8(ascii: "{") || firstByte == UInt8(ascii: "[")
        let isYAMLName = file.hasSuffix(".yaml") || file.hasSuffix(".yml")
        if looksJSON && !isYAMLName {
            do {
                return try JSONDecoder().decode(JSONValue.self, from: data)
            } catch let e as DecodingError {
                throw InputError(file: file, diagnostics: [diagnostic(for: e)])
            }
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputError(file: file, diagnostics: [Diagnostic("$", "the file is not UTF-8 text")])
        }
        do {
            return try YAMLDecoder().decode(JSONValue.self, from: text)
        } catch let e as DecodingError {
            throw InputError(file: file, diagnostics: [diagnostic(for: e)])
        } catch {
            throw InputError(file: file, diagnostics: [Diagnostic("$", "not valid JSON or YAML: \(error)")])
        }
    }

    public static func load(path: String) throws -> JSONValue {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(file: path, diagnostics: [Diagnostic("$", "cannot read the file: check the path and permissions")])
        }
        return try parse(data, file: path)
    }

    static func pathString(_ codingPath: [any CodingKey]) -> String {
        var s = "$"
        for k in codingPath {
            if let i = k.intValue { s += "[\(i)]" } else { s += ".\(k.stringValue)" }
        }
        return s
    }

    static func diagnostic(for error: DecodingError) -> Diagnostic {
        switch error {
        case .dataCorrupted(let ctx):
            let underlying = ctx.underlyingError.map { " (\($0.localizedDescription))" } ?? ""
            return Diagnostic(pathString(ctx.codingPath), "not valid JSON: \(ctx.debugDescription)\(underlying)")
        case .keyNotFound(let key, let ctx):
            return Diagnostic(pathString(ctx.codingPath + [key]), "missing required field '\(key.stringValue)'")
        case .typeMismatch(let type, let ctx):
            return Diagnostic(pathString(ctx.codingPath), "expected \(type): \(ctx.debugDescription)")
        case .valueNotFound(let type, let ctx):
            return Diagnostic(pathString(ctx.codingPath), "expected \(type), found null")
        @unknown default:
            return Diagnostic("$", "\(error)")
        }
    }

    /// Writes data to `path` atomically: a temporary file in the same folder, then a rename, so
    /// an interrupted or failed run leaves the previous file untouched.
    public static func writeAtomically(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent()
        let tmp = dir.appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
        try data.write(to: tmp)
        if rename(tmp.path, url.path) != 0 {
            let err = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: tmp)
            throw InputError(file: path, diagnostics: [Diagnostic("$", "cannot write the file: \(err)")])
        }
    }
}
