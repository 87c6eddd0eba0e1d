# Configurations kept beside the .tf, read by templatefile() and file().
resource "aws_mq_configuration" "hub" {
  name           = "hub"
  engine_type    = "ActiveMQ"
  engine_version = "5.18"
  data = templatefile("${path.module}/hub.xml.tftpl", {
    spoke_endpoint = aws_mq_broker.spoke.instances[0].endpoints[0]
    bridge_user    = var.bridge_user
  })
}

resource "aws_mq_configuration" "spoke" {
  name           = "spoke"
  engine_type    = "ActiveMQ"
  engine_version = "5.18"
  data           = file("${path.module}/spoke.xml")
}
