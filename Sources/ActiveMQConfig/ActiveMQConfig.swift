// ActiveMQConfig: the typed ActiveMQ layer over the lossless XML document.
//
// `import ActiveMQConfig` also brings the lossless layer (LosslessDocument and its views), which
// this module's API is built on.
@_exported public import LosslessXML

/// The XML namespaces of ActiveMQ broker configuration.
public enum ActiveMQNamespace {
    /// The namespace of `<broker>` and everything in it, in Apache ActiveMQ 5.x and Amazon MQ.
    public static let core = "http://activemq.apache.org/schema/core"
    /// Spring's `<beans>` namespace, the usual root of a self-managed `activemq.xml`.
    public static let springBeans = "http://www.springframework.org/schema/beans"
    /// OSGi Blueprint's namespace, the root of ActiveMQ configurations deployed in Karaf.
    public static let blueprint = "http://www.osgi.org/xmlns/blueprint/v1.0.0"
}
