# A RabbitMQ configuration is not an ActiveMQ one: skipped, even though its text names a broker.
resource "aws_mq_configuration" "rabbit" {
  name           = "rabbit"
  engine_type    = "RabbitMQ"
  engine_version = "3.11.20"
  data           = "consumer_timeout = 1800000 # <broker >"
}
