package io.junction.router;

import io.junction.router.auth.NativePassword;
import io.junction.router.protocol.Capabilities;
import io.junction.router.protocol.ComQuery;
import io.junction.router.protocol.HandshakeResponse41;
import io.junction.router.protocol.HandshakeV10;
import io.junction.router.protocol.Packet;
import io.junction.router.protocol.PacketFramer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Map;

/**
 * A blocking MySQL client on a plain socket with none of a driver's extra round trips: one login, then text queries.
 * For tests that need many short sessions quickly (a JDBC driver spends most of a short session on its own setup).
 * Deprecates EOF, so a text result ends with one OK-like packet (0xFE) after its rows.
 */
public final class PlainRawClient implements AutoCloseable {
    private static final int CAPABILITIES = Capabilities.CLIENT_PROTOCOL_41 | Capabilities.CLIENT_SECURE_CONNECTION
            | Capabilities.CLIENT_PLUGIN_AUTH | Capabilities.CLIENT_TRANSACTIONS | Capabilities.CLIENT_DEPRECATE_EOF;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final PacketFramer framer = new PacketFramer(Long.MAX_VALUE);
    private final ArrayDeque<Packet> received = new ArrayDeque<>();
    private final byte[] chunk = new byte[8192];

    private PlainRawClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(10_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    /** Connects and logs in with mysql_native_password; fails unless the server answers OK. */
    public static PlainRawClient login(int port, String user, String password) throws IOException {
        PlainRawClient client = new PlainRawClient(port);
        try {
            HandshakeV10 greeting = HandshakeV10.decode(client.read().payload());
            byte[] reply = NativePassword.scramble(NativePassword.sha1(password), greeting.authPluginData());
            client.send(1, new HandshakeResponse41(CAPABILITIES, 1 << 24, 45, user, reply, null, NativePassword.NAME, Map.of()).encode());
            client.expectOk("login");
            return client;
        } catch (IOException | RuntimeException e) {
            client.close();
            throw e;
        }
    }

    /** Runs a query whose result is one row of one column and returns that value as text. */
    public String queryValue(String sql) throws IOException {
        send(0, ComQuery.of(sql).encode());
        Packet first = read();
        failOnError(first, sql);
        read(); // column definition
        String value = null;
        while (true) {
            Packet packet = read();
            byte[] payload = packet.payload();
            failOnError(packet, sql);
            if ((payload[0] & 0xFF) == 0xFE && payload.length < 0xFFFFFF) {
                return value;
            }
            int length = payload[0] & 0xFF; // short values only: a length-encoded string under 251 bytes
            value = new String(payload, 1, length, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** Says goodbye (COM_QUIT) and closes the socket. */
    @Override
    public void close() throws IOException {
        try {
            if (!socket.isClosed()) {
                send(0, new byte[] {0x01});
            }
        } catch (IOException ignored) {
            // the server may have closed first; the socket is closed below either way
        } finally {
            socket.close();
        }
    }

    private void expectOk(String what) throws IOException {
        Packet packet = read();
        failOnError(packet, what);
        if (packet.payload()[0] != 0x00) {
            throw new IOException(what + ": expected OK, got packet type " + (packet.payload()[0] & 0xFF));
        }
    }

    private static void failOnError(Packet packet, String what) throws IOException {
        byte[] payload = packet.payload();
        if ((payload[0] & 0xFF) == 0xFF) {
            throw new IOException(what + ": error " + ((payload[1] & 0xFF) | (payload[2] & 0xFF) << 8) + " "
                    + new String(payload, 9, payload.length - 9, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private void send(int sequenceId, byte[] payload) throws IOException {
        out.write(PacketFramer.encode(sequenceId, payload));
        out.flush();
    }

    private Packet read() throws IOException {
        while (received.isEmpty()) {
            int n = in.read(chunk);
            if (n < 0) {
                throw new IOException("connection closed");
            }
            framer.feed(Arrays.copyOf(chunk, n), received::add);
        }
        return received.poll();
    }
}
