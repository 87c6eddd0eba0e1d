import ActiveMQConfig

/// A broker for rule examples: named `name`, listening on every interface at `port`, with more
/// attributes on `<broker>` if given; the others reach it as `tcp://<name>:<port>`.
func exampleBroker(_ name: String, port: Int, attributes: String = "", _ connectors: String) -> String {
    "<broker xmlns=\"http://activemq.apache.org/schema/core\" brokerName=\"\(name)\"\(attributes)>\n"
        + (connectors.isEmpty ? "" : "  <networkConnectors>\n" + connectors.split(separator: "\n").map { "    \($0)\n" }.joined() + "  </networkConnectors>\n")
        + "  <transportConnectors>\n    <transportConnector name=\"openwire\" uri=\"tcp://0.0.0.0:\(port)\"/>\n  </transportConnectors>\n</broker>\n"
}
