/// The commonly used `<networkConnector>` options as typed builder methods, shared by
/// ``NetworkConnectorDefinition`` and ``NetworkConnectorChange``. Each writes the attribute of the
/// same name (its type from ActiveMQ's schema); ``attribute(_:_:)`` stays for the rare rest.
public protocol NetworkConnectorOptions {
    /// Sets another `<networkConnector>` attribute, checked against ActiveMQ's schema.
    func attribute(_ name: String, _ value: String) -> Self
}

extension NetworkConnectorOptions {
    private func flag(_ name: String, _ value: Bool) -> Self { attribute(name, value ? "true" : "false") }
    private func number(_ name: String, _ value: Int) -> Self { attribute(name, String(value)) }

    /// `conduitSubscriptions`: treat several consumers of a topic as one (default `true`).
    public func conduitSubscriptions(_ on: Bool) -> Self { flag("conduitSubscriptions", on) }
    /// `conduitNetworkQueueSubscriptions`: conduit queue subscriptions too (default `false`).
    public func conduitNetworkQueueSubscriptions(_ on: Bool) -> Self { flag("conduitNetworkQueueSubscriptions", on) }
    /// `decreaseNetworkConsumerPriority`: prefer local consumers (default `false` to 5.17, `true` from 5.18).
    public func decreaseNetworkConsumerPriority(_ on: Bool) -> Self { flag("decreaseNetworkConsumerPriority", on) }
    /// `dynamicOnly`: forward only while a remote consumer exists (default `false`).
    public func dynamicOnly(_ on: Bool) -> Self { flag("dynamicOnly", on) }
    /// `prefetchSize`: messages in flight per network consumer, above 0 (default 1000).
    public func prefetchSize(_ messages: Int) -> Self { number("prefetchSize", messages) }
    /// `suppressDuplicateQueueSubscriptions`: one network subscription per queue (default `false`).
    public func suppressDuplicateQueueSubscriptions(_ on: Bool) -> Self { flag("suppressDuplicateQueueSubscriptions", on) }
    /// `suppressDuplicateTopicSubscriptions`: one network subscription per topic (default `true`).
    public func suppressDuplicateTopicSubscriptions(_ on: Bool) -> Self { flag("suppressDuplicateTopicSubscriptions", on) }
    /// `messageTTL`: brokers a message may cross (default 1, or `networkTTL`; -1 unlimited).
    public func messageTTL(_ hops: Int) -> Self { number("messageTTL", hops) }
    /// `consumerTTL`: brokers a subscription may cross (default 1, or `networkTTL`; -1 unlimited).
    public func consumerTTL(_ hops: Int) -> Self { number("consumerTTL", hops) }
    /// `alwaysSyncSend`: send forwarded messages synchronously (default `true` since 5.8).
    public func alwaysSyncSend(_ on: Bool) -> Self { flag("alwaysSyncSend", on) }
    /// `staticBridge`: forward only the statically included destinations (default `false`).
    public func staticBridge(_ on: Bool) -> Self { flag("staticBridge", on) }
    /// `syncDurableSubs`: restore durable subscriptions when the bridge starts (default `false`).
    public func syncDurableSubs(_ on: Bool) -> Self { flag("syncDurableSubs", on) }
    /// `bridgeTempDestinations`: forward messages to temporary destinations (default `true`).
    public func bridgeTempDestinations(_ on: Bool) -> Self { flag("bridgeTempDestinations", on) }
    /// `useVirtualDestSubs`: propagate virtual destination subscriptions (default `false`).
    public func useVirtualDestSubs(_ on: Bool) -> Self { flag("useVirtualDestSubs", on) }
    /// `advisoryForFailedForward`: raise an advisory when forwarding fails (default `false`).
    public func advisoryForFailedForward(_ on: Bool) -> Self { flag("advisoryForFailedForward", on) }
    /// `consumerPriorityBase`: the priority network consumers start from (default -5).
    public func consumerPriorityBase(_ priority: Int) -> Self { number("consumerPriorityBase", priority) }
    /// `checkDuplicateMessagesOnDuplex`: drop duplicates on a duplex bridge (default `false`).
    public func checkDuplicateMessagesOnDuplex(_ on: Bool) -> Self { flag("checkDuplicateMessagesOnDuplex", on) }
    /// `remoteUserName` (5.17+): the user for the remote side only (default `userName`).
    public func remoteUserName(_ user: String) -> Self { attribute("remoteUserName", user) }
    /// `dispatchAsync`: dispatch to network consumers asynchronously (default `true`).
    public func dispatchAsync(_ on: Bool) -> Self { flag("dispatchAsync", on) }
    /// `useCompression`: compress the bodies of forwarded messages (default `false`).
    public func useCompression(_ on: Bool) -> Self { flag("useCompression", on) }
    /// `advisoryPrefetchSize`: prefetch of the bridge's advisory consumers; 0, the default, means
    /// `prefetchSize`.
    public func advisoryPrefetchSize(_ messages: Int) -> Self { number("advisoryPrefetchSize", messages) }
    /// `advisoryAckPercentage`: the share of the advisory prefetch received before an ack (default 75).
    public func advisoryAckPercentage(_ percent: Int) -> Self { number("advisoryAckPercentage", percent) }
    /// `gcDestinationViews`: drop the bridge's views of destinations no longer used (default `true`).
    public func gcDestinationViews(_ on: Bool) -> Self { flag("gcDestinationViews", on) }
    /// `gcSweepTime`: milliseconds between those sweeps (default 60000).
    public func gcSweepTime(_ milliseconds: Int) -> Self { number("gcSweepTime", milliseconds) }
    /// `clientIdToken`: the separator in the bridge's client ids (default `_`).
    public func clientIdToken(_ token: String) -> Self { attribute("clientIdToken", token) }
}

extension NetworkConnectorDefinition: NetworkConnectorOptions {}
extension NetworkConnectorChange: NetworkConnectorOptions {}
