// The editing primitives. Each computes the few bytes to change in the document's own style as a
// ``TextEdit`` (the `edit…` functions return it, for batches and fixes); the mutating forms apply it,
// which parses the result again (through libxml2), so an edit can never leave a document that does
// not read back. Bytes outside the edited start tag,
// or outside the inserted or removed lines, are never touched; comments are never touched.

extension LosslessDocument {
    /// Sets an attribute's value, or adds the attribute when the element has none of that name.
    ///
    /// An existing attribute keeps its place, quotes and surrounding whitespace: only the bytes
    /// between the quotes change. A new attribute goes after the last one, with the same
    /// separator (the same line, or a new line with the same indentation), the same `=` spacing
    /// and the same quote; on an element without attributes it follows the name after one space,
    /// quoted as most of the document is.
    ///
    /// Values are escaped: `&`, `<` and the quote in use, and tab, line feed and carriage return
    /// as character references (so the value reads back exactly). In a document that is not
    /// UTF-8, characters outside ASCII (outside Latin-1 for ISO-8859-1) are written as references.
    ///
    /// - Parameters:
    ///   - name: The qualified name as written (`duplex`, `xsi:schemaLocation`).
    ///   - value: The new value, unescaped.
    ///   - element: An element of this version of the document.
    public mutating func setAttribute(_ name: String, to value: String, on element: Element) throws(XMLEditError) {
        try apply([editSettingAttribute(name, to: value, on: element)])
    }

    /// The edit ``setAttribute(_:to:on:)`` makes, as a value (for a batch or a fix).
    public func editSettingAttribute(_ name: String, to value: String, on element: Element) throws(XMLEditError) -> TextEdit {
        try checkCurrent(element.storage)
        try checkName(name)
        if name == "xmlns" || name.hasPrefix("xmlns:") { throw .namespaceDeclaration(name) }
        let layout = Layout(storage: storage)
        if let existing = element.attribute(name) {
            let escaped = try escapeAttribute(value, quote: existing.quote)
            return TextEdit(range: existing.valueRange, replacement: escaped)
        }
        let raw = element.raw
        var insertion: [UInt8] = []
        let offset: Int
        let quote: QuoteStyle
        if raw.attributeCount > 0 {
            let last = storage.attributes[Int(raw.firstAttribute + raw.attributeCount - 1)]
            offset = Int(last.valueEnd) + 1
            let separator = storage.bytes[Int(last.whitespaceStart)..<Int(last.nameStart)]
            if separator.contains(where: Layout.isLineBreak) {
                insertion += layout.lineEnding + layout.lineIndentation(Int(last.nameStart))
            } else {
                insertion += separator
            }
            insertion += Array(name.utf8)
            insertion += storage.bytes[Int(last.nameEnd)..<(Int(last.valueStart) - 1)]
            quote = last.quote == 0x27 ? .single : .double
        } else {
            offset = Int(raw.nameEnd)
            insertion += [Layout.space] + Array(name.utf8) + [0x3D]
            quote = layout.prevailingQuote
        }
        insertion.append(quote.byte)
        insertion += try escapeAttribute(value, quote: quote)
        insertion.append(quote.byte)
        return TextEdit(range: offset..<offset, replacement: insertion)
    }

    /// Removes an attribute with the whitespace that separates it from what precedes it.
    ///
    /// - Parameters:
    ///   - name: The qualified name as written.
    ///   - element: An element of this version of the document.
    public mutating func removeAttribute(_ name: String, from element: Element) throws(XMLEditError) {
        try apply([editRemovingAttribute(name, from: element)])
    }

    /// The edit ``removeAttribute(_:from:)`` makes, as a value.
    public func editRemovingAttribute(_ name: String, from element: Element) throws(XMLEditError) -> TextEdit {
        try checkCurrent(element.storage)
        guard let attribute = element.attribute(name) else { throw .noSuchAttribute(name) }
        if attribute.isNamespaceDeclaration { throw .namespaceDeclaration(name) }
        let raw = attribute.raw
        return TextEdit(range: Int(raw.whitespaceStart)..<(Int(raw.valueEnd) + 1), replacement: [])
    }

    /// Inserts a new child element and returns it (as an element of the edited document).
    ///
    /// The new element gets its own line, indented like its siblings (or one step deeper than its
    /// parent when it has none, the step being the one the document uses), with the document's
    /// line ending; in a document written on one line it is inserted without whitespace. An
    /// unprefixed name takes the parent's prefix. A parent written `<a/>` becomes `<a>…</a>`.
    ///
    /// - Parameters:
    ///   - child: The element to write.
    ///   - parent: An element of this version of the document.
    ///   - point: Where among the parent's content; the end by default.
    /// - Returns: The inserted element, in the edited document.
    @discardableResult
    public mutating func insertChild(_ child: NewElement, into parent: Element, at point: InsertionPoint = .end)
        throws(XMLEditError) -> Element
    {
        let (edit, offset) = try insertion([child], into: parent, at: point)
        try apply([edit])
        guard let inserted = element(startingAt: offset) else {
            throw .rejected(.unsupportedConstruct(path: path, message: "the inserted element was not found", position: nil))
        }
        return inserted
    }

    /// The edit ``insertChild(_:into:at:)`` makes, as a value.
    public func editInsertingChild(_ child: NewElement, into parent: Element, at point: InsertionPoint = .end)
        throws(XMLEditError) -> TextEdit
    {
        try insertion([child], into: parent, at: point).edit
    }

    /// The edit that inserts several children at one place, one after another, each on its own
    /// line as ``insertChild(_:into:at:)`` writes one: a batch that parses once, however many.
    public func editInsertingChildren(_ children: [NewElement], into parent: Element, at point: InsertionPoint = .end)
        throws(XMLEditError) -> TextEdit
    {
        guard !children.isEmpty else { return TextEdit(range: parent.range.lowerBound..<parent.range.lowerBound, replacement: []) }
        return try insertion(children, into: parent, at: point).edit
    }

    /// The insertion's edit, and where the first new element will start once it alone is applied.
    func insertion(_ children: [NewElement], into parent: Element, at point: InsertionPoint) throws(XMLEditError)
        -> (edit: TextEdit, elementOffset: Int)
    {
        try checkCurrent(parent.storage)
        let layout = Layout(storage: storage)
        let compact = layout.isCompact
        let eol = compact ? [] : layout.lineEnding
        let unit = compact ? [] : layout.indentationUnit
        let parentIndent = compact ? [] : layout.lineIndentation(parent.range.lowerBound)
        let siblings = parent.childElements
        var reference: Element?
        switch point {
        case .after(let sibling), .before(let sibling):
            try checkCurrent(sibling.storage)
            guard sibling.parent == parent else { throw .notAChild }
            reference = sibling
        case .end: reference = siblings.last
        case .start: reference = siblings.first
        }
        var childIndent = parentIndent + unit
        if !compact, let reference, let indent = layout.indentation(ofElement: reference.index) {
            childIndent = indent
        }
        var markups: [[UInt8]] = []
        for child in children {
            markups.append(try render(child, prefix: parent.prefix, indent: childIndent, unit: unit, eol: eol,
                                      quote: layout.prevailingQuote, emptyClose: layout.emptyTagClose(namespace: parent.raw.namespace)))
        }

        var range: Range<Int>
        var before: [UInt8]
        var after: [UInt8] = []
        let raw = parent.raw
        if raw.isEmptyElementTag {
            // <a .../> becomes <a ...>…</a>: the edit stays inside the start tag.
            var trim = Int(raw.startTagEnd) - 2
            while trim > 0 && isXMLWhitespace(storage.bytes[trim - 1]) { trim -= 1 }
            range = trim..<Int(raw.startTagEnd)
            before = [0x3E] + eol + (compact ? [] : childIndent)
            after = eol + parentIndent + Array("</".utf8) + storage.bytes[(parent.range.lowerBound + 1)..<Int(raw.nameEnd)] + [0x3E]
        } else {
            switch point {
            case .end:
                let endTag = Int(raw.endTagStart)
                if compact {
                    range = endTag..<endTag
                    before = []
                } else if layout.startsLine(endTag) {
                    let lineStart = layout.lineStart(endTag)
                    range = lineStart..<lineStart
                    before = childIndent
                    after = eol
                } else {
                    range = endTag..<endTag
                    before = eol + childIndent
                    after = eol + parentIndent
                }
            case .start:
                let tagEnd = Int(raw.startTagEnd)
                let rest = layout.restOfLine(after: tagEnd, allowingComments: true)
                if compact {
                    range = tagEnd..<tagEnd
                    before = []
                } else if rest.blank, let lineBreakEnd = rest.lineBreakEnd, lineBreakEnd <= Int(raw.endTagStart) {
                    range = lineBreakEnd..<lineBreakEnd
                    before = childIndent
                    after = eol
                } else if tagEnd == Int(raw.endTagStart) {
                    range = tagEnd..<tagEnd
                    before = eol + childIndent
                    after = eol + parentIndent
                } else {
                    range = tagEnd..<tagEnd
                    before = eol + childIndent
                    after = eol + childIndent
                }
            case .after(let sibling):
                let end = sibling.range.upperBound
                let rest = layout.restOfLine(after: end, allowingComments: true)
                if !compact, rest.blank, let lineBreakEnd = rest.lineBreakEnd {
                    range = lineBreakEnd..<lineBreakEnd
                    before = childIndent
                    after = eol
                } else {
                    range = end..<end
                    before = eol + childIndent
                }
            case .before(let sibling):
                let start = sibling.range.lowerBound
                if !compact && layout.startsLine(start) {
                    // Above the comments directly above the sibling (they describe it).
                    let lineStart = layout.lineStart(leadingCommentStart(of: sibling, in: parent, layout: layout))
                    range = lineStart..<lineStart
                    before = childIndent
                    after = eol
                } else {
                    range = start..<start
                    before = []
                }
            }
        }
        // Several children: each on its own line, as one would be (nothing between them where one
        // would be written without line breaks).
        let separator = compact || (before.isEmpty && after.isEmpty) ? [] : eol + childIndent
        var replacement = before
        for (number, markup) in markups.enumerated() {
            if number > 0 { replacement += separator }
            replacement += markup
        }
        return (TextEdit(range: range, replacement: replacement + after), range.lowerBound + before.count)
    }

    /// Removes an element. When it is alone on its lines, the lines go with it (line breaks
    /// included); otherwise only its bytes and the spaces beside it on its line.
    ///
    /// Comments are never removed: comments directly above the element stay where they are (remove
    /// them explicitly if they described it).
    public mutating func removeElement(_ element: Element) throws(XMLEditError) {
        try apply([editRemovingElement(element)])
    }

    /// The edit ``removeElement(_:)`` makes, as a value.
    public func editRemovingElement(_ element: Element) throws(XMLEditError) -> TextEdit {
        try checkCurrent(element.storage)
        guard element.index != 0 else { throw .cannotRemoveRoot }
        let layout = Layout(storage: storage)
        let start = element.range.lowerBound
        let end = element.range.upperBound
        if layout.startsLine(start) {
            let rest = layout.restOfLine(after: end, allowingComments: false)
            if rest.blank, let lineBreakEnd = rest.lineBreakEnd {
                return TextEdit(range: layout.lineStart(start)..<lineBreakEnd, replacement: [])
            }
            return TextEdit(range: start..<layout.skipBlanks(from: end), replacement: [])
        }
        return TextEdit(range: layout.blanksBefore(start)..<end, replacement: [])
    }

    /// The edit that removes all of an element's content and closes it as an empty-element tag
    /// (`<a ...></a>` or `<a ...>…</a>` becomes `<a .../>`, in the file's style): comments and
    /// children go too. Nil when it already is one.
    public func editEmptyingElement(_ element: Element) throws(XMLEditError) -> TextEdit? {
        try checkCurrent(element.storage)
        let raw = element.raw
        guard !raw.isEmptyElementTag else { return nil }
        return TextEdit(range: (Int(raw.startTagEnd) - 1)..<element.range.upperBound, replacement: Layout(storage: storage).emptyTagClose(named: storage.bytes[(element.range.lowerBound + 1)..<Int(raw.nameEnd)], namespace: raw.namespace))
    }

    /// The edit that writes an element holding nothing but whitespace as an empty-element tag
    /// (`<a x="1">⏎  </a>` becomes `<a x="1"/>`, or `<a x="1" />` where the file mostly writes
    /// that), or nil when it holds more or is one already.
    public func editCollapsingEmptyElement(_ element: Element) throws(XMLEditError) -> TextEdit? {
        try checkCurrent(element.storage)
        let raw = element.raw
        guard !raw.isEmptyElementTag,
            element.children.allSatisfy({ $0.kind == .text && storage.bytes[$0.range].allSatisfy(isXMLWhitespace) })
        else { return nil }
        return TextEdit(range: (Int(raw.startTagEnd) - 1)..<element.range.upperBound, replacement: Layout(storage: storage).emptyTagClose(named: storage.bytes[(element.range.lowerBound + 1)..<Int(raw.nameEnd)], namespace: raw.namespace))
    }

    // MARK: Helpers

    /// Where the block of comments directly above an element begins: each on its own lines, with no
    /// blank line between them and the element. The element's own start when there are none.
    private func leadingCommentStart(of element: Element, in parent: Element, layout: Layout) -> Int {
        let siblings = parent.children
        guard var index = siblings.firstIndex(where: { $0.element == element }) else { return element.range.lowerBound }
        var start = element.range.lowerBound
        while index >= 2 {
            let gap = siblings[index - 1]
            let comment = siblings[index - 2]
            let gapText = storage.bytes[gap.range]
            let lineBreaks = gapText.filter { $0 == 0x0A }.count + gapText.filter { $0 == 0x0D }.count
                - zip(gapText, gapText.dropFirst()).filter { $0 == (0x0D, 0x0A) }.count
            guard gap.kind == .text, gapText.allSatisfy(isXMLWhitespace), lineBreaks == 1, comment.kind == .comment,
                layout.startsLine(comment.range.lowerBound)
            else { break }
            start = comment.range.lowerBound
            index -= 2
        }
        return start
    }

    private func checkCurrent(_ other: DocumentStorage) throws(XMLEditError) {
        guard other === storage else { throw .staleView }
    }

    private func checkName(_ name: String) throws(XMLEditError) {
        guard Escaping.isQualifiedName(name), encoding.isUTF8 || name.utf8.allSatisfy({ $0 < 0x80 }) else {
            throw .invalidName(name)
        }
    }

    private func escapeAttribute(_ value: String, quote: QuoteStyle) throws(XMLEditError) -> [UInt8] {
        do {
            return try Escaping.attributeValue(value, quote: quote, encoding: encoding)
        } catch {
            throw .unrepresentableCharacter(error.scalar.value)
        }
    }

    private func render(_ element: NewElement, prefix: String?, indent: [UInt8], unit: [UInt8], eol: [UInt8],
                        quote: QuoteStyle, emptyClose: [UInt8]) throws(XMLEditError) -> [UInt8] {
        try checkName(element.name)
        let name = element.name.contains(":") ? element.name : prefix.map { "\($0):\(element.name)" } ?? element.name
        let childPrefix: String? = name.firstIndex(of: ":").map { String(name[..<$0]) }
        var out: [UInt8] = [0x3C] + Array(name.utf8)
        for attribute in element.attributes {
            try checkName(attribute.name)
            out += [Layout.space] + Array(attribute.name.utf8) + [0x3D, quote.byte]
            out += try escapeAttribute(attribute.value, quote: quote)
            out.append(quote.byte)
        }
        if element.children.isEmpty && element.text == nil {
            out += emptyClose
            return out
        }
        out.append(0x3E)
        if let text = element.text {
            do {
                out += try Escaping.text(text, encoding: encoding)
            } catch {
                throw .unrepresentableCharacter(error.scalar.value)
            }
        }
        for child in element.children {
            out += eol + indent + unit
            out += try render(child, prefix: childPrefix, indent: indent + unit, unit: unit, eol: eol, quote: quote, emptyClose: emptyClose)
        }
        if !element.children.isEmpty { out += eol + indent }
        out += Array("</".utf8) + Array(name.utf8) + [0x3E]
        return out
    }
}
