# An Amazon MQ configuration in a plain heredoc: the body is taken as written.
resource "aws_mq_configuration" "hub" {
  description    = "Hub of a network of brokers"
  name           = "hub"
  engine_type    = "ActiveMQ"
  engine_version = "5.18"

  data = <<DATA
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<broker xmlns="http://activemq.apache.org/schema/core">
  <networkConnectors>
    <networkConnector name="hub_to_spoke" userName="admin" duplex="true" uri="static:(ssl://b-1234.mq.us-east-1.amazonaws.com:61617)"/>
  </networkConnectors>
  <plugins>
    <forcePersistencyModeBrokerPlugin persistenceFlag="true"/>
  </plugins>
</broker>
DATA
}
