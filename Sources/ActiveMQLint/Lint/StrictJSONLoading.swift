import ActiveMQConfig

extension StrictJSON {
    /// Reads and parses a settings file; an error names the file, and the place when it is in it.
    static func load(_ path: String, what: String) throws(LintSettingsError) -> Located {
        let bytes: [UInt8]
        do {
            bytes = try FileBytes.read(path)
        } catch {
            throw LintSettingsError(path: path, message: error.message)
        }
        do throws(Failure) {
            return try parse(bytes)
        } catch {
            throw LintSettingsError(path: path, message: "not \(what): \(error.message)", line: error.line, column: error.column)
        }
    }

}
