# A Terraform file without a broker configuration: skipped quietly.
resource "aws_mq_broker" "hub" {
  broker_name        = "hub"
  engine_type        = "ActiveMQ"
  engine_version     = "5.18"
  host_instance_type = "mq.m5.large"
  user {
    username = "admin"
    password = var.admin_password
  }
}
