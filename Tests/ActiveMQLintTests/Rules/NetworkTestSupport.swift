import ActiveMQConfig
import ActiveMQLint
import Testing

/// A self-managed broker listening on `broker-<port>.example:<port>`, with the given connectors.
func networkBroker(_ name: String, port: Int, _ connectors: String) -> String {
    """
    <broker xmlns="\(coreNamespace)" brokerName="\(name)">
      <networkConnectors>
    \(connectors)  </networkConnectors>
      <transportConnectors>
        <transportConnector name="openwire" uri="tcp://broker-\(port).example:\(port)"/>
      </transportConnectors>
    </broker>

    """
}

