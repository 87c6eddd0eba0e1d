import ActiveMQConfig

/// A broker for rule examples: named `name`, listening on every interface at `port`, with more
/// attributes on `<broker>` if given; the others reach it as `tcp://<name>:<port>`. `marked` puts
/// the examples' `↓` before `<broker>`, where a finding about the broker points; `first` is a line of
/// other children written before the connectors.
func exampleBroker(_ name: String, port: Int, attributes: String = "", marked: Bool = false, first: String = "", _ connectors: String) -> String {
    (marked ? "↓" : "") + "<broker xmlns=\"http://activemq.apache.org/schema/core\" brokerName=\"\(name)\"\(attributes)>\n"
        + (first.isEmpty ? "" : "  \(first)\n")
        + (connectors.isEmpty ? "" : "  <networkConnectors>\n" + connectors.split(separator: "\n").map { "    \($0)\n" }.joined() + "  </networkConnectors>\n")
        + "  <transportConnectors>\n    <transportConnector name=\"openwire\" uri=\"tcp://0.0.0.0:\(port)\"/>\n  </transportConnectors>\n</broker>\n"
}
