import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import javax.jms.Connection;
import javax.jms.DeliveryMode;
import javax.jms.Destination;
import javax.jms.JMSException;
import javax.jms.Message;
import javax.jms.MessageConsumer;
import javax.jms.MessageProducer;
import javax.jms.QueueBrowser;
import javax.jms.Session;
import javax.jms.TextMessage;
import org.apache.activemq.ActiveMQConnectionFactory;

/**
 * The JMS side of Scripts/play-scenario: plays scenario steps on real brokers, one command per
 * line on standard input, one reply line each on standard output (tab-separated fields).
 *
 *   open ID URL DESTINATION SELECTOR PREFETCH PRIORITY ACKNOWLEDGE [CLIENTID SUBSCRIPTION] -> ok
 *   unsubscribe URL CLIENTID SUBSCRIPTION                             -> ok
 *   durables JMXURL TOPIC       -> durables N (messages kept by the broker's durable subscriptions)
 *   produce URL DESTINATION COUNT PERSISTENT PROPERTIES              -> ok
 *   close ID                                                          -> ok
 *   drop ID        -> ok (its broker is gone: the connection is closed on a thread of its own)
 *   watch NAME URL   -> ok (counts the consumer advisories of a broker: demand moving)
 *   unwatch NAME     -> ok
 *   counts           -> counts ID=RECEIVED,UNIQUE ... @advisories=N,0
 *   browse URL QUEUE                                                  -> browse N
 *   quit
 *
 * A temp-queue://NAME or temp-topic://NAME consumer creates a temporary destination on its own
 * connection; a producer sends to it by that name (a send the broker refuses is counted as refused,
 * not an error: the reply is "ok REFUSED").
 *
 * Empty fields are "-". PROPERTIES are NAME\u001fTYPE\u001fVALUE records separated by \u001e, TYPE
 * one of s (String), l (Long), d (Double), b (Boolean). Every connection disables the client's
 * duplicate audit and topic-advisory watching, or duplicates would be invisible.
 */
public class ScenarioClient {
    static final class Consumer {
        final Connection connection;
        final AtomicInteger received = new AtomicInteger();
        final Set<String> unique = Collections.synchronizedSet(new HashSet<>());
        Consumer(Connection connection) { this.connection = connection; }
    }

    static final Map<String, Consumer> consumers = new HashMap<>();
    static final Map<String, Connection> watchers = new HashMap<>();
    static final AtomicInteger advisories = new AtomicInteger();

    static void closeQuietly(Connection connection) {
        Thread closing = new Thread(() -> {
            try { connection.close(); } catch (Exception ignored) { }
        });
        closing.setDaemon(true);
        closing.start();
    }

    static String field(String value) { return "-".equals(value) ? null : value; }

    /// The physical names of the temporary destinations the consumers created, by scenario name.
    static final Map<String, Destination> temporaries = new HashMap<>();

    static Destination destination(Session session, String name, String options) throws JMSException {
        String suffix = options.isEmpty() ? "" : "?" + options;
        if (name.startsWith("queue://")) return session.createQueue(name.substring(8) + suffix);
        if (name.startsWith("topic://")) return session.createTopic(name.substring(8) + suffix);
        if (name.startsWith("temp-queue://") || name.startsWith("temp-topic://")) {
            Destination known = temporaries.get(name);
            if (known == null) throw new IllegalArgumentException("no consumer created " + name);
            return known;
        }
        throw new IllegalArgumentException("not queue://, topic://, temp-queue:// or temp-topic://: " + name);
    }

    static Connection connect(String url) throws JMSException {
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url);
        Connection connection = factory.createConnection();
        connection.start();
        return connection;
    }

    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, "UTF-8"));
        String line;
        while ((line = in.readLine()) != null) {
            String[] f = line.split("\t", -1);
            try {
                switch (f[0]) {
                case "open": {
                    boolean durable = f.length > 9 && field(f[8]) != null;
                    Connection connection;
                    if (durable) {
                        connection = new ActiveMQConnectionFactory(f[2]).createConnection();
                        connection.setClientID(f[8]);
                        connection.start();
                    } else {
                        connection = connect(f[2]);
                    }
                    boolean acknowledge = !"false".equals(f[7]);
                    Session session = connection.createSession(false, acknowledge ? Session.AUTO_ACKNOWLEDGE : Session.CLIENT_ACKNOWLEDGE);
                    StringBuilder options = new StringBuilder();
                    if (field(f[5]) != null) options.append("consumer.prefetchSize=").append(f[5]);
                    if (field(f[6]) != null) options.append(options.length() > 0 ? "&" : "").append("consumer.priority=").append(f[6]);
                    Destination target;
                    if (f[3].startsWith("temp-queue://")) {
                        target = session.createTemporaryQueue();
                        temporaries.put(f[3], target);
                    } else if (f[3].startsWith("temp-topic://")) {
                        target = session.createTemporaryTopic();
                        temporaries.put(f[3], target);
                    } else {
                        target = destination(session, f[3], options.toString());
                    }
                    MessageConsumer consumer = durable
                        ? session.createDurableSubscriber((javax.jms.Topic) target, f[9], field(f[4]), false)
                        : session.createConsumer(target, field(f[4]));
                    Consumer counted = new Consumer(connection);
                    consumer.setMessageListener(message -> {
                        counted.received.incrementAndGet();
                        try {
                            counted.unique.add(message.getJMSMessageID());
                        } catch (JMSException e) {
                            counted.unique.add("?" + counted.received.get());
                        }
                    });
                    consumers.put(f[1], counted);
                    System.out.println("ok");
                    break;
                }
                case "produce": {
                    Connection connection = connect(f[1]);
                    Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                    int count = Integer.parseInt(f[3]);
                    MessageProducer producer;
                    try {
                        producer = session.createProducer(destination(session, f[2], ""));
                    } catch (JMSException e) {
                        // A broker that does not know a temporary destination refuses its producer.
                        if (!f[2].startsWith("temp-")) throw e;
                        connection.close();
                        System.out.println("ok\t" + count);
                        break;
                    }
                    producer.setDeliveryMode("false".equals(f[4]) ? DeliveryMode.NON_PERSISTENT : DeliveryMode.PERSISTENT);
                    int refused = 0;
                    for (int i = 0; i < count; i++) {
                        TextMessage message = session.createTextMessage("m-" + i);
                        if (f.length > 5 && !f[5].isEmpty() && !"-".equals(f[5])) {
                            for (String record : f[5].split("\u001e")) {
                                String[] p = record.split("\u001f", 3);
                                switch (p[1]) {
                                case "l": message.setLongProperty(p[0], Long.parseLong(p[2])); break;
                                case "d": message.setDoubleProperty(p[0], Double.parseDouble(p[2])); break;
                                case "b": message.setBooleanProperty(p[0], Boolean.parseBoolean(p[2])); break;
                                default: message.setStringProperty(p[0], p[2]);
                                }
                            }
                        }
                        try {
                            producer.send(message);
                        } catch (JMSException e) {
                            // Only a temporary destination the broker does not know refuses a send here.
                            if (!f[2].startsWith("temp-")) throw e;
                            refused++;
                        }
                    }
                    connection.close();
                    System.out.println(refused > 0 ? "ok\t" + refused : "ok");
                    break;
                }
                case "close": {
                    Consumer consumer = consumers.remove(f[1]);
                    if (consumer != null) consumer.connection.close();
                    System.out.println("ok");
                    break;
                }
                case "drop": {
                    Consumer consumer = consumers.remove(f[1]);
                    if (consumer != null) closeQuietly(consumer.connection);
                    System.out.println("ok");
                    break;
                }
                case "watch": {
                    // Advisory topics make no advisories of their own, so this creates no demand.
                    Connection connection = connect(f[2]);
                    Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                    session.createConsumer(session.createTopic("ActiveMQ.Advisory.Consumer.>")).setMessageListener(m -> advisories.incrementAndGet());
                    watchers.put(f[1], connection);
                    System.out.println("ok");
                    break;
                }
                case "unwatch": {
                    Connection connection = watchers.remove(f[1]);
                    if (connection != null) closeQuietly(connection);
                    System.out.println("ok");
                    break;
                }
                case "unsubscribe": {
                    Connection connection = new ActiveMQConnectionFactory(f[1]).createConnection();
                    connection.setClientID(f[2]);
                    connection.start();
                    connection.createSession(false, Session.AUTO_ACKNOWLEDGE).unsubscribe(f[3]);
                    connection.close();
                    System.out.println("ok");
                    break;
                }
                case "durables": {
                    long kept = 0;
                    try (JMXConnector jmx = JMXConnectorFactory.connect(new JMXServiceURL(f[1]))) {
                        MBeanServerConnection server = jmx.getMBeanServerConnection();
                        ObjectName pattern = new ObjectName("org.apache.activemq:type=Broker,destinationType=Topic,destinationName="
                            + f[2].substring("topic://".length()).replaceAll("[:,=\"]", "_") + ",endpoint=Consumer,*");
                        for (ObjectName name : server.queryNames(pattern, null)) {
                            if (server.getAttribute(name, "SubscriptionName") == null) continue;
                            kept += ((Number) server.getAttribute(name, "PendingQueueSize")).longValue();
                        }
                    }
                    System.out.println("durables\t" + kept);
                    break;
                }
                case "counts": {
                    StringBuilder out = new StringBuilder("counts");
                    for (Map.Entry<String, Consumer> e : consumers.entrySet()) {
                        out.append('\t').append(e.getKey()).append('=').append(e.getValue().received.get()).append(',').append(e.getValue().unique.size());
                    }
                    out.append("\t@advisories=").append(advisories.get()).append(",0");
                    System.out.println(out);
                    break;
                }
                case "browse": {
                    Connection connection = connect(f[1]);
                    Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                    QueueBrowser browser = session.createBrowser((javax.jms.Queue) destination(session, f[2], ""));
                    int n = 0;
                    for (Enumeration<?> e = browser.getEnumeration(); e.hasMoreElements(); e.nextElement()) n++;
                    connection.close();
                    System.out.println("browse\t" + n);
                    break;
                }
                case "quit":
                    for (Consumer consumer : consumers.values()) consumer.connection.close();
                    for (Connection connection : watchers.values()) closeQuietly(connection);
                    System.out.println("ok");
                    System.exit(0);
                    break;
                default:
                    System.out.println("error\tunknown command " + f[0]);
                }
            } catch (Exception e) {
                System.out.println("error\t" + e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()).replace('\n', ' '));
            }
            System.out.flush();
        }
    }
}
