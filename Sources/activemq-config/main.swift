import ActiveMQConfigCLI

CLI.main()
