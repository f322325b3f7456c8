package org.broadsheet.newsletter.sending;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;

import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

/**
 * SMTP sockets with Nagle's algorithm off ({@code TCP_NODELAY}). The final dot of a
 * message is written after the row is marked sent, a moment after the message itself:
 * with Nagle on, the dot waits for the acknowledgement of the message's last segment,
 * which a server delays (up to 40 ms on Linux) because it has nothing to answer yet — one
 * such wait per message held the rate at about 20 messages a second.
 */
final class NoDelaySockets extends SocketFactory {

	private final SocketFactory sockets;

	private NoDelaySockets(SocketFactory sockets) {
		this.sockets = sockets;
	}

	/**
	 * @return plain sockets (SMTP, STARTTLS upgrades them)
	 */
	static NoDelaySockets plain() {
		return new NoDelaySockets(SocketFactory.getDefault());
	}

	/**
	 * @return sockets with implicit TLS (SMTPS, RFC 8314)
	 */
	static NoDelaySockets tls() {
		return new NoDelaySockets(SSLSocketFactory.getDefault());
	}

	private static Socket noDelay(Socket socket) throws IOException {
		socket.setTcpNoDelay(true);
		return socket;
	}

	@Override
	public Socket createSocket() throws IOException {
		return noDelay(sockets.createSocket());
	}

	@Override
	public Socket createSocket(String host, int port) throws IOException {
		return noDelay(sockets.createSocket(host, port));
	}

	@Override
	public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
		return noDelay(sockets.createSocket(host, port, localHost, localPort));
	}

	@Override
	public Socket createSocket(InetAddress host, int port) throws IOException {
		return noDelay(sockets.createSocket(host, port));
	}

	@Override
	public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
			throws IOException {
		return noDelay(sockets.createSocket(address, port, localAddress, localPort));
	}

}
