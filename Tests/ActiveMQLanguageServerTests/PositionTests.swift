@testable import ActiveMQLanguageServer
import Testing

/// Positions are converted from byte offsets in the negotiated encoding, never from the tool's
/// scalar-counting columns.
@Suite("Positions")
struct PositionTests {
    static let samples: [String] = [
        "plain\nlines\n",
        "\u{FEFF}<broker a=\"😀\"/>\n",                // a byte order mark and an astral character
        "e\u{301}tude 😀😀\r\nnext\rlone\n\n",        // a combining mark, CRLF, a lone CR, an empty line
        "\ttabbed\t<a/>\n  中文 <b c=\"𝄞\"/>",         // tabs, CJK, no final line break
        "",
    ]

    @Test("offset → position → offset is the identity at every character boundary, in both encodings", arguments: samples)
    func roundTrip(_ sample: String) {
        let text = TextBuffer(Array(sample.utf8))
        for encoding in [PositionEncoding.utf16, .utf8] {
            var offset = 0
            var boundaries: [Int] = []
            while offset <= text.bytes.count {
                boundaries.append(offset)
                if offset == text.bytes.count { break }
                offset += TextBuffer.sequenceLength(text.bytes[offset])
            }
            for boundary in boundaries {
                // A line break's second byte is no position of its own.
                if boundary > 0, boundary < text.bytes.count, text.bytes[boundary - 1] == 0x0D, text.bytes[boundary] == 0x0A { continue }
                let position = text.position(of: boundary, encoding: encoding)
                #expect(text.offset(line: position.line, character: position.character, encoding: encoding) == boundary,
                        "\(sample.debugDescription) \(encoding) at \(boundary)")
            }
        }
    }

    @Test("UTF-16 counts an astral character as two units, UTF-8 as four bytes; a character past the line's end is its end")
    func units() {
        let text = TextBuffer(Array("a😀b\nxy".utf8))
        #expect(text.position(of: 5, encoding: .utf16) == (0, 3))
        #expect(text.position(of: 5, encoding: .utf8) == (0, 5))
        #expect(text.offset(line: 0, character: 3, encoding: .utf16) == 5)
        #expect(text.offset(line: 0, character: 2, encoding: .utf16) == 1, "inside a surrogate pair: the character's start")
        #expect(text.offset(line: 0, character: 99, encoding: .utf16) == 6)
        #expect(text.offset(line: 9, character: 0, encoding: .utf16) == text.bytes.count)
        #expect(text.position(of: 7, encoding: .utf16) == (1, 0))
    }
}
