/// An edit as a value: replace a byte range of a document with new bytes.
///
/// The document's primitives build them (``LosslessDocument/editSettingAttribute(_:to:on:)`` and
/// its siblings), a finding carries them as its fix, and ``LosslessDocument/apply(_:)`` applies a
/// batch with one parse of the result.
public struct TextEdit: Sendable, Hashable {
    /// The bytes replaced, as offsets into the document the edit was made for.
    public var range: Range<Int>
    /// What replaces them.
    public var replacement: [UInt8]

    /// Creates an edit.
    public init(range: Range<Int>, replacement: [UInt8]) {
        self.range = range
        self.replacement = replacement
    }

    /// Creates an edit whose replacement is UTF-8 text.
    public init(range: Range<Int>, replacement: String) {
        self.init(range: range, replacement: Array(replacement.utf8))
    }
}

extension LosslessDocument {
    /// Applies edits made for this version of the document, all at once, with one parse of the
    /// result (through libxml2, so the document can never be left unreadable).
    ///
    /// Edits may not overlap; insertions at one offset are applied in the order given.
    ///
    /// - Throws: ``XMLEditError/overlappingEdits`` or ``XMLEditError/rejected(_:)``; the document
    ///   is then unchanged.
    public mutating func apply(_ edits: [TextEdit]) throws(XMLEditError) {
        guard !edits.isEmpty else { return }
        let ordered = edits.enumerated().sorted {
            ($0.element.range.lowerBound, $0.element.range.upperBound, $0.offset)
                < ($1.element.range.lowerBound, $1.element.range.upperBound, $1.offset)
        }.map(\.element)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(storage.bytes.count + edits.reduce(0) { $0 + $1.replacement.count })
        var cursor = 0
        for edit in ordered {
            guard edit.range.lowerBound >= cursor, edit.range.upperBound <= storage.bytes.count else {
                throw .overlappingEdits
            }
            bytes += storage.bytes[cursor..<edit.range.lowerBound]
            bytes += edit.replacement
            cursor = edit.range.upperBound
        }
        bytes += storage.bytes[cursor...]
        do {
            storage = try DocumentStorage(bytes: bytes, path: storage.path, template: storage.template)
        } catch {
            throw .rejected(error)
        }
    }

    /// The document as it would be after the edits, leaving this one as it is.
    public func applying(_ edits: [TextEdit]) throws(XMLEditError) -> LosslessDocument {
        var copy = self
        try copy.apply(edits)
        return copy
    }
}
