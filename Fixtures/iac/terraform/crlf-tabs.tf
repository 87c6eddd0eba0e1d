resource "aws_mq_configuration" "crlf" {
  name = "crlf"
  engine_version = "5.18"
  data = <<-DATA
		<broker xmlns="http://activemq.apache.org/schema/core">
		  <networkConnectors>
		    <networkConnector name="crlf_out" userName="admin" uri="static:(ssl://b.example:61617)" networkTTL="0"/>
		  </networkConnectors>
		</broker>
	DATA
}
