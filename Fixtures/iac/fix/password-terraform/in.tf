resource "aws_mq_configuration" "spoke" {
  name           = "spoke"
  engine_type    = "ActiveMQ"
  engine_version = var.engine_version

  # The indented heredoc strips the common leading white space of its lines.
  data = <<-DATA
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <broker xmlns="http://activemq.apache.org/schema/core">

      <networkConnectors>
        <networkConnector name="spoke_to_hub" userName="admin" password="hunter2" uri="static:(${aws_mq_broker.hub.instances[0].endpoints[0]})"/>
      </networkConnectors>
    </broker>
    DATA
}
