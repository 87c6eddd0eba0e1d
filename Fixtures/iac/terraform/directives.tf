resource "aws_mq_configuration" "templated" {
  name           = "templated"
  engine_type    = "ActiveMQ"
  engine_version = "5.17.6"
  data           = <<-EOT
    <broker xmlns="http://activemq.apache.org/schema/core" schedulePeriodForDestinationPurge="10000">
      <networkConnectors>
      %{ for peer in var.peers ~}
        <networkConnector name="to_${peer}" userName="admin" uri="masterslave:(ssl://${peer}-1:61617)"/>
      %{ endfor ~}
      </networkConnectors>
    </broker>
  EOT
}
