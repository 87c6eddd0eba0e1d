locals {
  # A quoted string with escapes: \" for quotes, \n for new lines, $${ for a literal ${.
  broker_xml = "<beans xmlns=\"http://www.springframework.org/schema/beans\">\n  <broker xmlns=\"http://activemq.apache.org/schema/core\" brokerName=\"$${broker.name}\">\n    <networkConnectors>\n      <networkConnector name=\"a_b\" uri=\"static:(tcp://b.example:61616)\" password=\"$${AMQ_BRIDGE_PASSWORD}\"/>\n    </networkConnectors>\n  </broker>\n</beans>\n"
}
