# East and West, self-managed, their configurations rendered by Terraform.
locals {
  east_xml = <<-EOT
    <?xml version="1.0" encoding="UTF-8"?>
    <!-- East: a duplex bridge to West; its queue policy has no replay yet. -->
    <broker xmlns="http://activemq.apache.org/schema/core" brokerName="East">
        <destinationPolicy>
            <policyMap>
                <policyEntries>
                    <policyEntry topic="&gt;" producerFlowControl="false"/>
                    <!-- every queue -->
                    <policyEntry queue="&gt;" gcInactiveDestinations="true" inactiveTimoutBeforeGC="600000">
                        <networkBridgeFilterFactory>
                            <conditionalNetworkBridgeFilterFactory replayWhenNoConsumers="true"/>
                        </networkBridgeFilterFactory>
                    </policyEntry>
                </policyEntries>
            </policyMap>
        </destinationPolicy>
        <networkConnectors>
            <networkConnector name="east_west" userName="bridge" duplex="true" uri="static:(tcp://west.example.com:61616)"/>
        </networkConnectors>
        <transportConnectors>
            <transportConnector name="openwire" uri="tcp://east.example.com:61616"/>
        </transportConnectors>
    </broker>
  EOT

  west_xml = <<EOT
<?xml version="1.0" encoding="UTF-8"?>
<broker xmlns="http://activemq.apache.org/schema/core" brokerName="West">
  <destinationPolicy>
    <policyMap>
      <policyEntries>
        <policyEntry queue=">">
          <networkBridgeFilterFactory>
            <conditionalNetworkBridgeFilterFactory replayWhenNoConsumers="true"/>
          </networkBridgeFilterFactory>
        </policyEntry>
      </policyEntries>
    </policyMap>
  </destinationPolicy>
  <!-- West declares nothing: East's duplex connector reaches it. -->
  <transportConnectors>
    <transportConnector name="openwire" uri="tcp://west.example.com:61616"/>
  </transportConnectors>
</broker>
EOT
}
