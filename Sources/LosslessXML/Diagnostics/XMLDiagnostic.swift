/// A message libxml2 raised about a document, with its position.
public struct XMLDiagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How serious a diagnostic is, in libxml2's terms.
    public enum Severity: String, Sendable, Hashable {
        /// The document is accepted; something deserves attention.
        case warning
        /// The document is rejected (for example a namespace prefix that is not declared).
        case error
        /// The document is not well-formed; parsing stopped here.
        case fatal
    }

    /// The severity.
    public var severity: Severity
    /// libxml2's message: its first line only, so no document bytes are echoed back.
    public var message: String
    /// The 1-based line, when libxml2 knows it.
    public var line: Int?
    /// The 1-based column, when libxml2 knows it.
    public var column: Int?
    /// libxml2's error code (`xmlParserErrors`).
    public var code: Int

    /// Creates a diagnostic.
    public init(severity: Severity, message: String, line: Int?, column: Int?, code: Int) {
        self.severity = severity
        self.message = message
        self.line = line
        self.column = column
        self.code = code
    }

    /// The diagnostic, without a file (the caller knows it): a warning, or an error with code
    /// `not-well-formed`.
    public var diagnostic: Diagnostic {
        let isWarning = severity == .warning
        return Diagnostic(file: nil, line: line, column: line.map { _ in column ?? 1 }, severity: isWarning ? .warning : .error,
                          code: isWarning ? nil : Diagnostic.notWellFormedCode, message: message)
    }

    /// `LINE:COLUMN: SEVERITY: MESSAGE [not-well-formed]`, or without a position when unknown.
    public var description: String { diagnostic.formatted }
}

/// Why a document could not be read.
public enum XMLDocumentError: Error, Sendable, Hashable, CustomStringConvertible {
    /// libxml2 rejected the document; the diagnostics say why (the first error or fatal error first).
    case notWellFormed(path: String?, diagnostics: [XMLDiagnostic])
    /// The document's encoding is neither UTF-8 nor an ASCII-compatible single-byte encoding.
    case unsupportedEncoding(path: String?, name: String)
    /// libxml2 accepts the document, but it uses a construct the lossless layer cannot represent
    /// faithfully (for example markup inside an internal entity), so it is refused rather than
    /// risk an inexact round trip.
    case unsupportedConstruct(path: String?, message: String, position: SourcePosition?)
    /// The document exceeds a limit that keeps memory and time bounded (elements nested deeper
    /// than libxml2's default limit of 256 levels).
    case limitExceeded(path: String?, message: String, position: SourcePosition?)
    /// The document is larger than the 4 GiB the byte offsets address.
    case tooLarge(path: String?, size: Int)
    /// The file could not be read.
    case io(path: String, message: String)
    /// libxml2 could not allocate memory.
    case outOfMemory(path: String?)

    /// The file the error is about, if any.
    public var path: String? {
        switch self {
        case .notWellFormed(let path, _), .unsupportedEncoding(let path, _),
            .unsupportedConstruct(let path, _, _), .limitExceeded(let path, _, _), .tooLarge(let path, _),
            .outOfMemory(let path):
            return path
        case .io(let path, _):
            return path
        }
    }

    /// The line and column of the error, when known.
    public var line: Int? {
        switch self {
        case .notWellFormed(_, let diagnostics): return diagnostics.first?.line
        case .unsupportedConstruct(_, _, let position), .limitExceeded(_, _, let position): return position?.line
        default: return nil
        }
    }

    /// The 1-based column of the error, when known.
    public var column: Int? {
        switch self {
        case .notWellFormed(_, let diagnostics):
            guard let first = diagnostics.first, first.line != nil else { return nil }
            return first.column ?? 1
        case .unsupportedConstruct(_, _, let position), .limitExceeded(_, _, let position): return position?.column
        default: return nil
        }
    }

    /// The message without file or position.
    public var message: String {
        switch self {
        case .notWellFormed(_, let diagnostics):
            return diagnostics.first?.message ?? "the document is not well-formed"
        case .unsupportedEncoding(_, let name):
            return "unsupported encoding '\(name)': only UTF-8 and ASCII-compatible single-byte encodings (such as ISO-8859-1) are supported"
        case .unsupportedConstruct(_, let message, _), .limitExceeded(_, let message, _):
            return message
        case .tooLarge(_, let size):
            return "the document is \(size) bytes; at most 4294967295 are supported"
        case .io(_, let message):
            return message
        case .outOfMemory:
            return "libxml2 ran out of memory"
        }
    }

    /// The diagnostic: code `io` for a file that cannot be read, `not-well-formed` otherwise.
    public var diagnostic: Diagnostic {
        let code: String
        if case .io = self { code = Diagnostic.ioCode } else { code = Diagnostic.notWellFormedCode }
        return Diagnostic(file: path, line: line, column: column, severity: .error, code: code, message: message)
    }

    /// `FILE:LINE:COLUMN: error: MESSAGE [code]`, dropping what is unknown.
    public var description: String { diagnostic.formatted }
}

extension XMLDocumentError: DiagnosticConvertible {
    /// The one diagnostic this error is.
    public var diagnostics: [Diagnostic] { [diagnostic] }
}
