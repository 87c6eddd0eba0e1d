// The tracer benchmark: round trip (read, libxml2 parse, lossless tree, serialize) of a
// generated config, next to a bare libxml2 SAX parse of the same bytes, each in its own process
// so that peak memory is its own. Ratios are measured in the same run.
//
//   tracer generate MEGABYTES OUT     write a generated broker config of about that size
//   tracer roundtrip FILE             one round trip; prints {"seconds", "maxrss_kb"}
//   tracer compare FILE BASELINE RUNS run both RUNS times, print medians and ratios (and JSON)
import ActiveMQConfig
import Foundation

func generate(megabytes: Int, to path: String) throws {
    var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- Generated for benchmarks: policy entries by the thousand, connectors, comments. -->
        <beans xmlns="http://www.springframework.org/schema/beans"
               xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
          <broker xmlns="http://activemq.apache.org/schema/core" brokerName="bench" dataDirectory="${activemq.data}">
            <destinationPolicy>
              <policyMap>
                <policyEntries>

        """
    let target = megabytes * 1_000_000
    var i = 0
    while out.utf8.count < target - 2000 {
        if i % 50 == 0 { out += "          <!-- group \(i / 50): queues and topics &amp; their limits -->\n" }
        if i % 3 == 0 {
            out += "          <policyEntry queue=\"ORDERS.\(i).>\" producerFlowControl=\"true\" memoryLimit=\"\(i % 97 + 1)mb\"\n"
            out += "                       prioritizedMessages='true' useCache=\"false\">\n"
            out += "            <deadLetterStrategy><individualDeadLetterStrategy queuePrefix=\"DLQ.\" useQueueForQueueMessages=\"true\"/></deadLetterStrategy>\n"
            out += "          </policyEntry>\n"
        } else {
            out += "          <policyEntry topic=\"PRICES.\(i).&gt;\" producerFlowControl = \"false\" advisoryForConsumed=\"true\"/>\n"
        }
        i += 1
    }
    out += """
                </policyEntries>
              </policyMap>
            </destinationPolicy>
            <networkConnectors>

        """
    for c in 0..<20 {
        out += "      <networkConnector name=\"connector_\(c)\" userName=\"myCommonUser\" duplex=\"true\" uri=\"static:(ssl://b-\(c).mq.us-east-2.amazonaws.com:61617)\"/>\n"
    }
    out += "    </networkConnectors>\n  </broker>\n</beans>\n"
    try Data(out.utf8).write(to: URL(fileURLWithPath: path))
}

func maxRSSKilobytes() -> Int {
    var usage = rusage()
    getrusage(0 /* RUSAGE_SELF */, &usage)
    return usage.ru_maxrss
}

func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

func roundtrip(_ path: String) throws {
    let start = now()
    let bytes = try FileBytes.read(path)
    let read = now()
    let document = try LosslessDocument(bytes: bytes, path: path)
    let parsed = now()
    let output = document.serialized()
    let end = now()
    guard output.count == document.bytes.count else { fatalError("round trip differs") }
    print("{\"seconds\": \(end - start), \"read\": \(read - start), \"parse\": \(parsed - read), \"serialize\": \(end - parsed), \"maxrss_kb\": \(maxRSSKilobytes())}")
}

struct Measurement: Decodable {
    var seconds: Double
    var maxrss_kb: Int
}

func measure(_ executable: String, _ arguments: [String]) throws -> Measurement {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return try JSONDecoder().decode(Measurement.self, from: data)
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

func compare(file: String, baseline: String, runs: Int) throws {
    let size = (try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
    let me = CommandLine.arguments[0]
    var ours: [Measurement] = []
    var theirs: [Measurement] = []
    for _ in 0..<runs {  // interleaved, so load on the machine hits both alike
        theirs.append(try measure(baseline, [file]))
        ours.append(try measure(me, ["roundtrip", file]))
    }
    let ourTime = median(ours.map(\.seconds)), baseTime = median(theirs.map(\.seconds))
    let ourRSS = median(ours.map { Double($0.maxrss_kb) }) / 1024, baseRSS = median(theirs.map { Double($0.maxrss_kb) }) / 1024
    let megabytes = Double(size) / 1_000_000
    print("file: \(file) (\(String(format: "%.1f", megabytes)) MB), \(runs) runs each, medians")
    func pad(_ s: String, _ width: Int) -> String { s + String(repeating: " ", count: max(0, width - s.count)) }
    print(pad("what", 32) + "   seconds       s/MB     peak MB")
    print(pad("bare libxml2 SAX parse (C)", 32) + String(format: "%10.3f %10.4f %11.1f", baseTime, baseTime / megabytes, baseRSS))
    print(pad("round trip (activemq-config)", 32) + String(format: "%10.3f %10.4f %11.1f", ourTime, ourTime / megabytes, ourRSS))
    print(String(format: "ratio round trip / SAX parse: %.2f ×; peak memory %.1f MB = %.2f × file size", ourTime / baseTime, ourRSS, ourRSS / megabytes))
    let json: [String: Any] = [
        "file_bytes": size, "runs": runs,
        "baseline_seconds_median": baseTime, "roundtrip_seconds_median": ourTime,
        "ratio": ourTime / baseTime, "baseline_peak_mb": baseRSS, "roundtrip_peak_mb": ourRSS,
    ]
    let data = try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys, .prettyPrinted])
    print(String(decoding: data, as: UTF8.self))
}

let arguments = Array(CommandLine.arguments.dropFirst())
do {
    switch arguments.first {
    case "generate" where arguments.count == 3:
        try generate(megabytes: Int(arguments[1]) ?? 50, to: arguments[2])
    case "roundtrip" where arguments.count == 2:
        try roundtrip(arguments[1])
    case "compare" where arguments.count == 4:
        try compare(file: arguments[1], baseline: arguments[2], runs: Int(arguments[3]) ?? 5)
    default:
        FileHandle.standardError.write(Data("usage: tracer generate MB OUT | roundtrip FILE | compare FILE BASELINE RUNS\n".utf8))
        exit(2)
    }
} catch {
    FileHandle.standardError.write(Data("tracer: \(error)\n".utf8))
    exit(1)
}
