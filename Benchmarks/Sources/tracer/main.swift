// The benchmark runner (Benchmarks/run). Every figure is a ratio against a baseline measured in
// the same run, on the same bytes; each measurement runs in its own process, alternating with its
// baseline, and the medians of many runs are reported (single runs vary widely on a noisy machine).
//
//   tracer generate BYTES OUT            a generated broker config of about that size
//   tracer generate-typical OUT          a typical 10 KB activemq.xml
//   tracer roundtrip FILE                one round trip in process: {"seconds", "maxrss_kb"}
//   tracer foundation FILE               Foundation's XMLDocument parse + serialize
//   tracer lint FILE…                    the linter in process over the files
//   tracer all TOOL BASELINE RESULTS     every measurement; prints the table, writes JSON
//   tracer routing                       simulation time: one destination, consumers on every broker,
//                                        of a 500-broker hub-and-spokes (networkTTL 2) and a 200-broker
//                                        full mesh (networkTTL 1); goal ≤ 1 s each (Benchmarks/routing-scale)
//   tracer network TOOL PEAK RESULTS     cost against the network's size: generate, lint --network
//                                        and topology check over full meshes of 50, 100 and 200
//                                        brokers and a 1,000-broker tree (Benchmarks/network-scaling)
import ActiveMQConfig
import ActiveMQLint
import ActiveMQRouting
import ActiveMQTopology
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

func maxRSSKilobytes() -> Int {
    var usage = rusage()
    getrusage(0 /* RUSAGE_SELF */, &usage)
    return usage.ru_maxrss
}

func emit(_ seconds: Double) {
    print("{\"seconds\": \(seconds), \"maxrss_kb\": \(maxRSSKilobytes())}")
}

// MARK: Inputs

func generate(bytes target: Int, to path: String) throws {
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
    out += "        </policyEntries>\n      </policyMap>\n    </destinationPolicy>\n    <networkConnectors>\n"
    for c in 0..<20 {
        out += "      <networkConnector name=\"connector_\(c)\" userName=\"myCommonUser\" duplex=\"true\" uri=\"static:(ssl://b-\(c).mq.us-east-2.amazonaws.com:61617)\"/>\n"
    }
    out += "    </networkConnectors>\n  </broker>\n</beans>\n"
    try Data(out.utf8).write(to: URL(fileURLWithPath: path))
}

/// A typical self-managed activemq.xml (about 10 KB), in the style of the stock configuration.
func typical(_ index: Int) -> String {
    var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!--
            Licensed to the Apache Software Foundation (ASF) under one or more contributor license
            agreements. A typical broker configuration: destination policies, a network of brokers,
            persistence, limits, transport connectors. Configuration \(index).
        -->
        <beans xmlns="http://www.springframework.org/schema/beans"
               xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
               xsi:schemaLocation="http://www.springframework.org/schema/beans http://www.springframework.org/schema/beans/spring-beans.xsd
                                   http://activemq.apache.org/schema/core http://activemq.apache.org/schema/core/activemq-core.xsd">

            <bean class="org.springframework.beans.factory.config.PropertyPlaceholderConfigurer">
                <property name="locations">
                    <value>file:${activemq.conf}/credentials.properties</value>
                </property>
            </bean>

            <broker xmlns="http://activemq.apache.org/schema/core" brokerName="broker\(index)" dataDirectory="${activemq.data}">
                <destinationPolicy>
                    <policyMap>
                        <policyEntries>

        """
    for entry in 0..<24 {
        out += """
                            <!-- entry \(entry): limits for a family of destinations -->
                            <policyEntry queue="APP\(index).Q\(entry).>" producerFlowControl="true" memoryLimit="64mb" prioritizedMessages="true">
                                <deadLetterStrategy>
                                    <individualDeadLetterStrategy queuePrefix="DLQ." useQueueForQueueMessages="true"/>
                                </deadLetterStrategy>
                            </policyEntry>

            """
    }
    out += """
                        </policyEntries>
                    </policyMap>
                </destinationPolicy>
                <managementContext>
                    <managementContext createConnector="false"/>
                </managementContext>
                <networkConnectors>
                    <networkConnector name="connector_\(index)_to_hub" userName="bridge" password="${AMQ_BRIDGE_PASSWORD}" duplex="true"
                                      uri="static:(ssl://hub.example.com:61617)"/>
                </networkConnectors>
                <persistenceAdapter>
                    <kahaDB directory="${activemq.data}/kahadb"/>
                </persistenceAdapter>
                <systemUsage>
                    <systemUsage>
                        <memoryUsage><memoryUsage percentOfJvmHeap="70"/></memoryUsage>
                        <storeUsage><storeUsage limit="100 gb"/></storeUsage>
                        <tempUsage><tempUsage limit="50 gb"/></tempUsage>
                    </systemUsage>
                </systemUsage>
                <transportConnectors>
                    <transportConnector name="openwire" uri="ssl://0.0.0.0:61617?maximumConnections=1000&amp;wireFormat.maxFrameSize=104857600"/>
                    <transportConnector name="amqp" uri="amqp+ssl://0.0.0.0:5671?maximumConnections=1000&amp;wireFormat.maxFrameSize=104857600"/>
                </transportConnectors>
                <shutdownHooks>
                    <bean xmlns="http://www.springframework.org/schema/beans" class="org.apache.activemq.hooks.SpringContextHook"/>
                </shutdownHooks>
            </broker>
        </beans>

        """
    return out
}

// MARK: In-process measurements

func roundtrip(_ path: String) throws {
    let start = now()
    let document = try LosslessDocument(contentsOfFile: path)
    let output = document.serialized()
    let seconds = now() - start
    guard output.count == document.bytes.count else { fatalError("round trip differs") }
    emit(seconds)
}

func foundation(_ path: String) throws {
    let start = now()
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    #if canImport(FoundationXML)
    let document = try XMLDocument(data: data, options: [.nodePreserveAll])
    let output = document.xmlData(options: [.nodePreserveAll])
    #else
    let document = try XMLDocument(data: data, options: [.nodePreserveAll])
    let output = document.xmlData(options: [.nodePreserveAll])
    #endif
    let seconds = now() - start
    guard !output.isEmpty else { fatalError("no output") }
    emit(seconds)
}

func lint(_ paths: [String]) throws {
    let start = now()
    let inputs = paths.map { path in LintInput(path: path, bytes: Result { () throws(XMLDocumentError) in try FileBytes.read(path) }) }
    let report = try Linter().lint(inputs)
    let seconds = now() - start
    guard report.files == paths.count else { fatalError("not every file was linted") }
    emit(seconds)
}

// MARK: The whole run

struct Measurement: Decodable {
    var seconds: Double
    var maxrss_kb: Int
}

/// Runs a command; returns its own report, or (for external tools) wall time and peak memory of the child.
func measure(_ executable: String, _ arguments: [String], external: Bool = false) throws -> Measurement {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = external ? FileHandle.nullDevice : pipe
    process.standardError = FileHandle.nullDevice
    let start = now()
    try process.run()
    let data = external ? Data() : pipe.fileHandleForReading.readDataToEndOfFile()
    var status: Int32 = 0
    var usage = rusage()
    let pid = process.processIdentifier
    _ = wait4(pid, &status, 0, &usage)
    let seconds = now() - start
    if external { return Measurement(seconds: seconds, maxrss_kb: usage.ru_maxrss) }
    return try JSONDecoder().decode(Measurement.self, from: data)
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

/// Runs `a` and `b` alternately `runs` times; medians of seconds and peak memory (MB).
func compare(_ runs: Int, _ a: () throws -> Measurement, _ b: () throws -> Measurement) rethrows -> (a: (Double, Double), b: (Double, Double)) {
    var first: [Measurement] = []
    var second: [Measurement] = []
    for _ in 0..<runs {
        first.append(try a())
        second.append(try b())
    }
    return ((median(first.map(\.seconds)), median(first.map { Double($0.maxrss_kb) / 1024 })),
            (median(second.map(\.seconds)), median(second.map { Double($0.maxrss_kb) / 1024 })))
}

func fileSize(_ path: String) -> Int { (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0 }

func all(tool: String, baseline: String, results: String) throws {
    let me = CommandLine.arguments[0]
    let work = FileManager.default.temporaryDirectory.appendingPathComponent("amq-bench-\(getpid())").path
    try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: work) }
    var json: [String: Any] = ["date": ISO8601DateFormatter().string(from: Date())]
    var table: [String] = []
    func row(_ what: String, _ value: String) { table.append(what.padding(toLength: 62, withPad: " ", startingAt: 0) + value) }

    // 1. Round trip of a 10 MB generated config: bare libxml2 SAX (C) vs ours vs Foundation's XMLDocument.
    let ten = work + "/10mb.xml"
    try generate(bytes: 10_000_000, to: ten)
    let rt = try compare(9, { try measure(baseline, [ten]) }, { try measure(me, ["roundtrip", ten]) })
    let fx = try compare(5, { try measure(baseline, [ten]) }, { try measure(me, ["foundation", ten]) })
    row("1. round trip 10 MB: bare libxml2 SAX parse (C)", String(format: "%.3f s", rt.a.0))
    row("   round trip 10 MB: activemq-config (parse, tree, serialize)", String(format: "%.3f s  = %.2f × SAX", rt.b.0, rt.b.0 / rt.a.0))
    row("   round trip 10 MB: Foundation XMLDocument parse + serialize", String(format: "%.3f s  = %.2f × SAX", fx.b.0, fx.b.0 / fx.a.0))
    json["roundtrip_10mb"] = ["sax_seconds": rt.a.0, "ours_seconds": rt.b.0, "ratio": rt.b.0 / rt.a.0,
                              "foundation_seconds": fx.b.0, "foundation_ratio": fx.b.0 / fx.a.0]

    // 2. Lint latency of a typical config, whole process, vs xmllint --noout.
    let typicalPath = work + "/activemq.xml"
    try Data(typical(0).utf8).write(to: URL(fileURLWithPath: typicalPath))
    let xmllint = "/usr/bin/xmllint"
    let latency = try compare(41, { try measure(xmllint, ["--noout", typicalPath], external: true) },
                              { try measure(tool, ["lint", typicalPath], external: true) })
    row("2. lint \(fileSize(typicalPath) / 1000) KB config, whole process: xmllint --noout", String(format: "%.1f ms", latency.a.0 * 1000))
    row("   activemq-config lint", String(format: "%.1f ms  = %.2f × xmllint", latency.b.0 * 1000, latency.b.0 / latency.a.0))
    json["lint_latency"] = ["bytes": fileSize(typicalPath), "xmllint_ms": latency.a.0 * 1000, "ours_ms": latency.b.0 * 1000,
                            "ratio": latency.b.0 / latency.a.0]

    // 3. Scaling: time per MB and peak memory, round trip and lint, 100 KB to 50 MB.
    var scaling: [[String: Any]] = []
    for bytes in [100_000, 1_000_000, 10_000_000, 50_000_000] {
        let path = work + "/scale-\(bytes).xml"
        try generate(bytes: bytes, to: path)
        let megabytes = Double(fileSize(path)) / 1_000_000
        let runs = bytes >= 10_000_000 ? 3 : 7
        let r = try compare(runs, { try measure(baseline, [path]) }, { try measure(me, ["roundtrip", path]) })
        let l = try compare(runs, { try measure(baseline, [path]) }, { try measure(me, ["lint", path]) })
        row("3. \(String(format: "%5.1f", megabytes)) MB: round trip, lint (per MB; peak MB)",
            String(format: "%.4f, %.4f s/MB; %.0f, %.0f MB (SAX %.4f s/MB)", r.b.0 / megabytes, l.b.0 / megabytes, r.b.1, l.b.1, r.a.0 / megabytes))
        scaling.append(["bytes": fileSize(path), "roundtrip_s_per_mb": r.b.0 / megabytes, "lint_s_per_mb": l.b.0 / megabytes,
                        "roundtrip_peak_mb": r.b.1, "lint_peak_mb": l.b.1, "sax_s_per_mb": r.a.0 / megabytes])
        if bytes != 50_000_000 { try? FileManager.default.removeItem(atPath: path) }
    }
    json["scaling"] = scaling

    // 4. Many files: 1,000 typical configs in one invocation vs one big file of the same bytes.
    let many = work + "/many"
    try FileManager.default.createDirectory(atPath: many, withIntermediateDirectories: true)
    var paths: [String] = []
    var total = 0
    for i in 0..<1000 {
        let path = many + "/broker\(i).xml"
        let text = typical(i)
        total += text.utf8.count
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        paths.append(path)
    }
    let big = work + "/big.xml"
    try generate(bytes: total, to: big)
    let manyFiles = try compare(3, { try measure(me, ["lint", big]) }, { try measure(me, ["lint"] + paths) })
    let bigThroughput = Double(fileSize(big)) / 1_000_000 / manyFiles.a.0
    let manyThroughput = Double(total) / 1_000_000 / manyFiles.b.0
    row("4. lint one big file (\(fileSize(big) / 1_000_000) MB)", String(format: "%.2f MB/s", bigThroughput))
    row("   lint 1,000 files of the same bytes in one invocation", String(format: "%.2f MB/s  = %.0f %% of one big file", manyThroughput, 100 * manyThroughput / bigThroughput))
    json["many_files"] = ["big_mb_per_s": bigThroughput, "many_mb_per_s": manyThroughput, "ratio": manyThroughput / bigThroughput]

    print(table.joined(separator: "\n"))
    let data = try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys, .prettyPrinted])
    try data.write(to: URL(fileURLWithPath: results))
    print("results: \(results)")
}

// MARK: Cost against the network's size

/// A spec: a full mesh of `count` brokers, or a tree of `count` (one root, nine inner, the rest leaves).
func networkSpec(mesh count: Int) -> [String: Any] {
    ["topology": "mesh", "user": "bridge", "brokers": (0..<count).map(endpointBroker)]
}

func networkSpec(tree count: Int) -> [String: Any] {
    ["topology": "tree", "user": "bridge", "brokers": (0..<count).map(endpointBroker),
     "layers": [(10..<count).map { "B\($0)" }, (1..<10).map { "B\($0)" }, ["B0"]]]
}

func endpointBroker(_ i: Int) -> [String: Any] {
    ["name": "B\(i)", "endpoints": [String(format: "ssl://b-%08x-aaaa-bbbb-cccc-%012x-1.mq.us-east-2.amazonaws.com:61617", i, i)]]
}

func folderSize(_ path: String) -> Int {
    ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).reduce(0) { $0 + fileSize(path + "/" + $1) }
}

/// The slope of log(y) against log(x), least squares: 1 is linear, 2 quadratic.
func logLogSlope(_ points: [(x: Double, y: Double)]) -> Double {
    let xs = points.map { log($0.x) }, ys = points.map { log($0.y) }
    let mx = xs.reduce(0, +) / Double(xs.count), my = ys.reduce(0, +) / Double(ys.count)
    let sxy = zip(xs, ys).reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) }
    let sxx = xs.reduce(0) { $0 + ($1 - mx) * ($1 - mx) }
    return sxx == 0 ? 0 : sxy / sxx
}

/// generate, lint --network and topology check (the default profile, amazon-mq) over full meshes of
/// 50, 100 and 200 brokers (4× the connectors each step) and a 1,000-broker tree: wall time minus an
/// empty run's, median of three; peak memory of the process. Goals (Docs/performance.md): each mesh
/// step ≤ 4.4× the one before, the 200-broker mesh generated and linted in ≤ 2 s each, peak memory
/// ≤ 4× the files' size + 30 MB. Exits 1 when a goal is missed.
func network(tool: String, peak: String, results: String) throws {
    let work = FileManager.default.temporaryDirectory.appendingPathComponent("amq-network-\(getpid())").path
    try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: work) }
    let runs = 3
    // Each run goes through the small `peak` helper (Benchmarks/baseline/peak.c), so the peak memory
    // is the tool's own, not this runner's.
    func run(_ arguments: [String]) throws -> Measurement { try measure(peak, [tool] + arguments) }
    let empty = median(try (0..<5).map { _ in try run(["--version"]).seconds })
    var table: [String] = []
    var json: [String: Any] = ["date": ISO8601DateFormatter().string(from: Date()), "empty_run_seconds": empty]
    var failures: [String] = []
    func row(_ what: String, _ value: String) { table.append(what.padding(toLength: 44, withPad: " ", startingAt: 0) + value) }
    func timed(_ arguments: [String], prepare: () throws -> Void = {}) throws -> (seconds: Double, peakMB: Double) {
        var seconds: [Double] = []
        var peaks: [Double] = []
        for _ in 0..<runs {
            try prepare()
            let measured = try run(arguments)
            seconds.append(max(0, measured.seconds - empty))
            peaks.append(Double(measured.maxrss_kb) / 1024)
        }
        return (median(seconds), peaks.max() ?? 0)
    }
    var series: [[String: Any]] = []
    var mesh: [(connectors: Double, generate: Double, lint: Double, check: Double)] = []
    for (name, spec, connectors) in [("mesh 50", networkSpec(mesh: 50), 50 * 49 / 2), ("mesh 100", networkSpec(mesh: 100), 100 * 99 / 2),
                                     ("mesh 200", networkSpec(mesh: 200), 200 * 199 / 2), ("tree 1000", networkSpec(tree: 1000), 999)] {
        let specPath = work + "/\(name.replacingOccurrences(of: " ", with: "-")).json"
        try JSONSerialization.data(withJSONObject: spec).write(to: URL(fileURLWithPath: specPath))
        let out = specPath + ".out"
        let generate = try timed(["topology", "generate", specPath, "--out", out, "--force"]) {
            try? FileManager.default.removeItem(atPath: out)
        }
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []).sorted().map { out + "/" + $0 }
        let megabytes = Double(folderSize(out)) / 1_000_000
        let lint = try timed(["lint", "--network", specPath, out])
        let check = try timed(["topology", "check", specPath] + files)
        let budget = 4 * megabytes * 1.048576 + 30  // MiB, as the peaks are
        row("\(name): \(connectors) connectors, \(String(format: "%.1f", megabytes)) MB",
            String(format: "generate %.3f s %.0f MB · lint %.3f s %.0f MB · check %.3f s %.0f MB (budget %.0f MB)",
                   generate.seconds, generate.peakMB, lint.seconds, lint.peakMB, check.seconds, check.peakMB, budget))
        for (what, peak) in [("generate", generate.peakMB), ("lint", lint.peakMB), ("check", check.peakMB)] where peak > budget {
            failures.append("\(name) \(what): peak \(Int(peak)) MB > \(Int(budget)) MB")
        }
        series.append(["name": name, "connectors": connectors, "megabytes": megabytes,
                       "generate_seconds": generate.seconds, "generate_peak_mb": generate.peakMB,
                       "lint_seconds": lint.seconds, "lint_peak_mb": lint.peakMB,
                       "check_seconds": check.seconds, "check_peak_mb": check.peakMB, "memory_budget_mb": budget])
        if name.hasPrefix("mesh") { mesh.append((Double(connectors), generate.seconds, lint.seconds, check.seconds)) }
    }
    for (step, (before, after)) in zip(mesh, mesh.dropFirst()).enumerated() {
        let ratios = [("generate", after.generate / before.generate), ("lint", after.lint / before.lint), ("check", after.check / before.check)]
        row("mesh step \(step + 1): \(Int(after.connectors / before.connectors))× the connectors",
            ratios.map { String(format: "%@ %.2f×", $0.0, $0.1) }.joined(separator: " · "))
        for (what, ratio) in ratios where ratio > 4.4 { failures.append("mesh step \(step + 1) \(what): \(String(format: "%.2f", ratio))× > 4.4×") }
    }
    let slopes = [("generate", logLogSlope(mesh.map { ($0.connectors, $0.generate) })), ("lint", logLogSlope(mesh.map { ($0.connectors, $0.lint) })),
                  ("check", logLogSlope(mesh.map { ($0.connectors, $0.check) }))]
    row("log–log slope over the meshes (1 = linear)", slopes.map { String(format: "%@ %.2f", $0.0, $0.1) }.joined(separator: " · "))
    if let last = mesh.last {
        if last.generate > 2 { failures.append(String(format: "mesh 200 generate: %.2f s > 2 s", last.generate)) }
        if last.lint > 2 { failures.append(String(format: "mesh 200 lint: %.2f s > 2 s", last.lint)) }
    }
    json["series"] = series
    json["slopes"] = Dictionary(uniqueKeysWithValues: slopes.map { ($0.0, $0.1) })
    json["failures"] = failures
    print(table.joined(separator: "\n"))
    print(failures.isEmpty ? "every goal met" : "missed: " + failures.joined(separator: "; "))
    let data = try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys, .prettyPrinted])
    try data.write(to: URL(fileURLWithPath: results))
    print("results: \(results)")
    if !failures.isEmpty { exit(1) }
}

// MARK: Routing at scale

func routing() throws {
    var failures: [String] = []
    for (name, topology, count) in [("hub-and-spokes of 500 (networkTTL 2)", NetworkSpec.Topology.hubAndSpokes, 500),
                                    ("full mesh of 200 (networkTTL 1)", NetworkSpec.Topology.mesh, 200)] {
        let brokers = (0..<count).map { NetworkSpec.Broker(name: "B\($0)", endpoints: ["ssl://b\($0).example:61617"]) }
        let spec = NetworkSpec(topology: topology, user: "bridge", brokers: brokers, hub: topology == .hubAndSpokes ? "B0" : nil)
        let files = try TopologyGenerator.generate(spec, target: .activeMQ)
        let configured = try files.map { file in (file.broker, file.fileName, try BrokerConfiguration(bytes: file.bytes, path: file.fileName)) }
        for kind in [DestinationEntry.Kind.queue, .topic] {
            var times: [Double] = []
            var delivered = 0
            for _ in 0..<3 {
                let start = now()
                let network = try RoutingNetwork(brokers: configured, spec: nil, version: ActiveMQVersion(major: 5, minor: 17, patch: 2))
                let steps: [Simulator.Step] = (0..<count).map { .consume(.init(id: "c\($0)", broker: $0, destination: DestinationName(kind: kind, name: "Q"))) }
                    + [.produce(broker: count - 1, destination: DestinationName(kind: kind, name: "Q"), count: 1000, properties: [:])]
                let prediction = Simulator(network: network).run(steps)
                times.append(now() - start)
                delivered = prediction.consumers.reduce(0) { $0 + $1.received.max }
            }
            let seconds = median(times)
            print("\(name), \(kind.rawValue): \(String(format: "%.3f", seconds)) s (bridges, demand and 1,000 messages; \(delivered) deliveries at most)")
            if seconds > 1 { failures.append("\(name) \(kind.rawValue): \(String(format: "%.2f", seconds)) s > 1 s") }
        }
    }
    print(failures.isEmpty ? "every goal met" : "missed: " + failures.joined(separator: "; "))
    if !failures.isEmpty { exit(1) }
}

let arguments = Array(CommandLine.arguments.dropFirst())
do {
    switch arguments.first {
    case "generate" where arguments.count == 3: try generate(bytes: Int(arguments[1]) ?? 1_000_000, to: arguments[2])
    case "generate-typical" where arguments.count == 2: try Data(typical(0).utf8).write(to: URL(fileURLWithPath: arguments[1]))
    case "roundtrip" where arguments.count == 2: try roundtrip(arguments[1])
    case "foundation" where arguments.count == 2: try foundation(arguments[1])
    case "lint" where arguments.count >= 2: try lint(Array(arguments.dropFirst()))
    case "all" where arguments.count == 4: try all(tool: arguments[1], baseline: arguments[2], results: arguments[3])
    case "routing" where arguments.count == 1: try routing()
    case "network" where arguments.count == 4: try network(tool: arguments[1], peak: arguments[2], results: arguments[3])
    default:
        FileHandle.standardError.write(Data("usage: tracer generate BYTES OUT | generate-typical OUT | roundtrip FILE | foundation FILE | lint FILE… | all TOOL BASELINE RESULTS | network TOOL PEAK RESULTS\n".utf8))
        exit(2)
    }
} catch {
    FileHandle.standardError.write(Data("tracer: \(error)\n".utf8))
    exit(1)
}
