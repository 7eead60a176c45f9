package org.serverlessloyalty.webhooks.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A plain TCP server on 127.0.0.1 that answers every connection with the same raw bytes (or nothing at all), and
 * records each request as received and how many connections it accepted.
 */
public final class ScriptedServer implements AutoCloseable {

    private final ServerSocket server;
    private final byte[] answer;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final Thread acceptor;

    private ScriptedServer(String answer) {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.answer = answer == null ? null : answer.getBytes(StandardCharsets.ISO_8859_1);
        acceptor = new Thread(this::serve, "scripted-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Answers {@code response} (raw HTTP, CRLF line ends) to every request. */
    public static ScriptedServer answering(String response) {
        return new ScriptedServer(response);
    }

    /** Reads the request and never answers. */
    public static ScriptedServer silent() {
        return new ScriptedServer(null);
    }

    public int port() {
        return server.getLocalPort();
    }

    public List<String> requests() {
        return List.copyOf(requests);
    }

    public int connections() {
        return connections.get();
    }

    private void serve() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.incrementAndGet();
                Thread worker = new Thread(() -> handle(socket), "scripted-connection");
                worker.setDaemon(true);
                worker.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void handle(Socket socket) {
        try (socket) {
            socket.setSoTimeout(10_000);
            requests.add(readRequest(socket.getInputStream()));
            if (answer == null) {
                Thread.sleep(10_000);
                return;
            }
            socket.getOutputStream().write(answer);
            socket.getOutputStream().flush();
        } catch (IOException | InterruptedException e) {
            // the client went away: nothing to record
        }
    }

    private static String readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            head.write(b);
            String text = head.toString(StandardCharsets.ISO_8859_1);
            if (text.endsWith("\r\n\r\n")) {
                int length = 0;
                for (String line : text.split("\r\n")) {
                    if (line.toLowerCase().startsWith("content-length:")) {
                        length = Integer.parseInt(line.substring(15).trim());
                    }
                }
                return text + new String(in.readNBytes(length), StandardCharsets.UTF_8);
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A listening socket that never accepts: after the call, {@link #connectionAttempted()} says if anyone came. */
    public static final class Listener implements AutoCloseable {
        private final ServerSocket socket;

        public Listener() {
            try {
                socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public int port() {
            return socket.getLocalPort();
        }

        /** True when a connection reached the port (the kernel completes it even though nobody accepted yet). */
        public boolean connectionAttempted() {
            try {
                socket.setSoTimeout(300);
                try (Socket ignored = socket.accept()) {
                    return true;
                }
            } catch (SocketTimeoutException e) {
                return false;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
