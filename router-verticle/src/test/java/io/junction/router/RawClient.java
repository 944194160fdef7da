package io.junction.router;

import io.junction.router.auth.NativePassword;
import io.junction.router.protocol.Capabilities;
import io.junction.router.protocol.ErrPacket;
import io.junction.router.protocol.HandshakeResponse41;
import io.junction.router.protocol.HandshakeV10;
import io.junction.router.protocol.Packet;
import io.junction.router.protocol.PacketFramer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayDeque;
import java.util.Map;

/** A blocking MySQL client for tests that need to send what no driver would (malformed or huge packets). */
public final class RawClient implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final PacketFramer framer = new PacketFramer(Long.MAX_VALUE);
    private final ArrayDeque<Packet> received = new ArrayDeque<>();

    public RawClient(int port, int readTimeoutMs) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(readTimeoutMs);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    /** Reads the greeting and logs in; returns the server's answer (OK or ERR). */
    public Packet login(String user, String password, String schema) throws IOException {
        HandshakeV10 greeting = HandshakeV10.decode(read().payload());
        int capabilities = Capabilities.CLIENT_PROTOCOL_41 | Capabilities.CLIENT_SECURE_CONNECTION | Capabilities.CLIENT_PLUGIN_AUTH
                | Capabilities.CLIENT_LONG_PASSWORD | Capabilities.CLIENT_TRANSACTIONS
                | (schema != null ? Capabilities.CLIENT_CONNECT_WITH_DB : 0);
        byte[] reply = NativePassword.scramble(NativePassword.sha1(password), greeting.authPluginData());
        send(1, new HandshakeResponse41(capabilities, 1 << 24, 45, user, reply, schema, NativePassword.NAME, Map.of()).encode());
        return read();
    }

    public void send(int sequenceId, byte[] payload) throws IOException {
        out.write(PacketFramer.encode(sequenceId, payload));
        out.flush();
    }

    public void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** The next packet; fails if the connection closes or nothing arrives within the read timeout. */
    public Packet read() throws IOException {
        while (received.isEmpty()) {
            byte[] chunk = new byte[8192];
            int n = in.read(chunk);
            if (n < 0) {
                throw new IOException("connection closed");
            }
            framer.feed(java.util.Arrays.copyOf(chunk, n), received::add);
        }
        return received.poll();
    }

    public ErrPacket readError() throws IOException {
        Packet packet = read();
        if (!ErrPacket.is(packet.payload())) {
            throw new AssertionError("expected an ERR packet, got 0x" + Integer.toHexString(packet.firstByte()));
        }
        return ErrPacket.decode(packet.payload());
    }

    /** True once the server has closed the connection (end of stream), false if it is still open after the timeout. */
    public boolean closedByServer() throws IOException {
        try {
            ByteArrayOutputStream rest = new ByteArrayOutputStream();
            byte[] chunk = new byte[8192];
            int n;
            while ((n = in.read(chunk)) >= 0) {
                rest.write(chunk, 0, n);
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
