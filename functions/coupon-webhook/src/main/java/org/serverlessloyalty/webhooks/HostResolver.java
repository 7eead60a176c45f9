package org.serverlessloyalty.webhooks;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Port: a DNS name's addresses. The sender checks every one before it connects to one of them. */
@FunctionalInterface
public interface HostResolver {

    /** The JVM's resolver (the system's, behind the JVM's 30-second cache). */
    HostResolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

    List<InetAddress> resolve(String host) throws UnknownHostException;
}
