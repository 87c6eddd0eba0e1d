resource "aws_mq_configuration" "east" {
  name           = "east"
  engine_type    = "ActiveMQ"
  engine_version = "5.18"
  data           = <<-DATA
    <broker xmlns="http://activemq.apache.org/schema/core">
      <networkConnectors>
        <networkConnector name="east_to_hub" userName="admin" duplex="true" uri="static:(${aws_mq_broker.hub.instances[0].endpoints[0]})"/>
      </networkConnectors>
    </broker>
    DATA
}

resource "aws_mq_broker" "east" {
  broker_name        = "east"
  engine_type        = "ActiveMQ"
  engine_version     = "5.18"
  host_instance_type = "mq.m5.large"
  configuration {
    id       = aws_mq_configuration.east.id
    revision = aws_mq_configuration.east.latest_revision
  }
}

resource "aws_mq_configuration" "hub" {
  name           = "hub"
  engine_type    = "ActiveMQ"
  engine_version = "5.18"
  data           = <<-DATA
    <broker xmlns="http://activemq.apache.org/schema/core">
      <networkConnectors>
        <networkConnector name="hub_to_west" userName="admin" duplex="true" uri="static:(${aws_mq_broker.west.instances[0].endpoints[0]})"/>
      </networkConnectors>
    </broker>
    DATA
}

resource "aws_mq_broker" "hub" {
  broker_name        = "hub"
  engine_type        = "ActiveMQ"
  engine_version     = "5.18"
  host_instance_type = "mq.m5.large"
  configuration {
    id       = aws_mq_configuration.hub.id
    revision = aws_mq_configuration.hub.latest_revision
  }
}

resource "aws_mq_configuration" "west" {
  name           = "west"
  engine_type    = "ActiveMQ"
  engine_version = "5.18"
  data           = <<-DATA
    <broker xmlns="http://activemq.apache.org/schema/core">
    </broker>
    DATA
}

resource "aws_mq_broker" "west" {
  broker_name        = "west"
  engine_type        = "ActiveMQ"
  engine_version     = "5.18"
  host_instance_type = "mq.m5.large"
  configuration {
    id       = aws_mq_configuration.west.id
    revision = aws_mq_configuration.west.latest_revision
  }
}

