// SPDX-License-Identifier: GPL-3.0-or-later

/// Naming rules for the CPLEX LP format, in the subset that both CPLEX and GLPK's
/// `glp_read_lp` accept.
///
/// A legal name is 1…255 characters long, consists of ASCII letters, digits and the symbols
/// `! # $ % & ( ) , . ; ? @ _ { } | ~`, does not start with a digit or a period, and is not an
/// LP keyword (`st`, `end`, `free`, `inf`, …; compared case-insensitively). (The format also
/// allows `" ' / \``; they are excluded here because they confuse other tools.)
public enum LPNames {
    /// Longest legal name.
    public static let maximumLength = 255

    /// Words the LP readers may take as keywords; a name must not equal one (case-insensitive).
    public static let reservedWords: Set<String> = [
        "minimize", "minimise", "minimum", "min", "maximize", "maximise", "maximum", "max",
        "subject", "such", "st", "s.t.", "st.", "bound", "bounds", "general", "generals", "gen",
        "integer", "integers", "binary", "binaries", "bin", "end", "free", "inf", "infinity",
        "semi-continuous", "semis", "semi",
    ]

    /// Whether `byte` (an ASCII code) may appear in a name.
    @inline(__always)
    static func isLegalByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"),
             UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: ","), UInt8(ascii: "."), UInt8(ascii: ";"),
             UInt8(ascii: "?"), UInt8(ascii: "@"), UInt8(ascii: "_"), UInt8(ascii: "{"), UInt8(ascii: "}"),
             UInt8(ascii: "|"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    /// The problem with `name` as an LP name, or `nil` when it is legal.
    public static func problem(with name: String) -> String? {
        let utf8 = name.utf8
        if utf8.isEmpty { return "empty name" }
        if utf8.count > maximumLength { return "name longer than \(maximumLength) characters" }
        if let bad = utf8.first(where: { !isLegalByte($0) }) {
            return "name contains a character not allowed in LP format (byte 0x\(String(bad, radix: 16)))"
        }
        let first = utf8.first!
        if first == UInt8(ascii: ".") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) {
            return "name starts with a digit or a period"
        }
        if reservedWords.contains(name.lowercased()) { return "name is an LP keyword" }
        return nil
    }

    /// Makes a given name legal where that can be done without losing distinctness in the
    /// usual cases: `[`/`]` become `(`/`)`, every other illegal character (including non-ASCII
    /// and spaces) becomes `_`, a leading digit or period gets a `_` prefix and a keyword gets a
    /// `_` suffix. Length is *not* truncated (truncation could silently merge names);
    /// ``MIPModel/validate()`` reports over-long names. Returns `nil` for an empty name, meaning
    /// "generate one".
    public static func sanitize(_ name: String) -> String? {
        if name.isEmpty { return nil }
        if problem(with: name) == nil { return name }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(name.utf8.count + 1)
        for scalar in name.unicodeScalars {
            if scalar.isASCII, isLegalByte(UInt8(scalar.value)) {
                bytes.append(UInt8(scalar.value))
            } else if scalar == "[" {
                bytes.append(UInt8(ascii: "("))
            } else if scalar == "]" {
                bytes.append(UInt8(ascii: ")"))
            } else {
                bytes.append(UInt8(ascii: "_"))
            }
        }
        if let first = bytes.first,
           first == UInt8(ascii: ".") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) {
            bytes.insert(UInt8(ascii: "_"), at: 0)
        }
        var result = String(decoding: bytes, as: UTF8.self)
        if reservedWords.contains(result.lowercased()) { result += "_" }
        return result
    }

    /// The generated name of column `index` when none was given: `x<index>`.
    public static func generatedVariableName(_ index: Int) -> String { "x\(index)" }

    /// The generated name of row `index` when none was given: `c<index>`.
    public static func generatedConstraintName(_ index: Int) -> String { "c\(index)" }

    /// If `name` has the shape of a generated name with this prefix (`x12`, `c0`), its index.
    static func generatedIndex(_ name: String, prefix: UInt8) -> Int? {
        let utf8 = Array(name.utf8)
        guard utf8.count >= 2, utf8.count <= 19, utf8[0] == prefix else { return nil }
        let digits = utf8[1...]
        guard digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return nil }
        if digits.count > 1 && digits.first == UInt8(ascii: "0") { return nil }
        return Int(String(decoding: digits, as: UTF8.self))
    }
}
