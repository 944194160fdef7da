package io.junction.router;

import io.junction.router.protocol.Capabilities;
import io.junction.router.protocol.HandshakeV10;
import io.junction.router.protocol.Packet;
import io.junction.router.protocol.PacketFramer;
import io.junction.router.protocol.SslRequest;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.security.cert.X509Certificate;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * A blocking MySQL client that speaks TLS through a bare {@link SSLEngine}, so a test controls exactly which bytes
 * go out in which write: the SSLRequest alone, or the SSLRequest and the ClientHello in one write (as a fast client
 * does). Trusts any certificate; tests read the one presented with {@link #peerCertificate()}.
 */
public final class TlsRawClient implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final PacketFramer framer = new PacketFramer(Long.MAX_VALUE);
    private final ArrayDeque<Packet> received = new ArrayDeque<>();
    private final SSLEngine engine;
    private ByteBuffer netIn = ByteBuffer.allocate(1 << 16);
    private HandshakeV10 greeting;

    public TlsRawClient(int port) throws Exception {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(5_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new TrustAll()}, null);
        engine = context.createSSLEngine("localhost", port);
        engine.setUseClientMode(true);
    }

    /** Reads the greeting, sends the SSLRequest and does the TLS handshake; {@code glued}: both in one write. */
    public HandshakeV10 startTls(boolean glued) throws IOException {
        greeting = HandshakeV10.decode(readPlain().payload());
        int capabilities = Capabilities.CLIENT_PROTOCOL_41 | Capabilities.CLIENT_SECURE_CONNECTION
                | Capabilities.CLIENT_PLUGIN_AUTH | Capabilities.CLIENT_SSL | Capabilities.CLIENT_TRANSACTIONS;
        byte[] request = PacketFramer.encode(1, new SslRequest(capabilities, 1 << 24, 45, 0).encode());
        if (!glued) {
            out.write(request);
            out.flush();
        }
        handshake(glued ? request : new byte[0]);
        return greeting;
    }

    public HandshakeV10 greeting() {
        return greeting;
    }

    /** The certificate the server presented. */
    public X509Certificate peerCertificate() throws IOException {
        return (X509Certificate) engine.getSession().getPeerCertificates()[0];
    }

    /** Sends a packet over TLS. */
    public void send(int sequenceId, byte[] payload) throws IOException {
        ByteBuffer app = ByteBuffer.wrap(PacketFramer.encode(sequenceId, payload));
        while (app.hasRemaining()) {
            ByteBuffer net = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
            engine.wrap(app, net);
            writeNet(net, new byte[0]);
        }
    }

    /** The next packet over TLS; fails if the connection closes or nothing arrives within 5 s. */
    public Packet read() throws IOException {
        while (received.isEmpty()) {
            ByteBuffer app = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize());
            SSLEngineResult result = engine.unwrap(netIn.flip(), app);
            netIn.compact();
            if (result.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW || result.bytesProduced() == 0 && result.bytesConsumed() == 0) {
                fill();
            }
            if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
                throw new IOException("TLS closed");
            }
            app.flip();
            if (app.hasRemaining()) {
                byte[] bytes = new byte[app.remaining()];
                app.get(bytes);
                framer.feed(bytes, received::add);
            }
        }
        return received.poll();
    }

    private Packet readPlain() throws IOException {
        while (received.isEmpty()) {
            byte[] chunk = new byte[4096];
            int n = in.read(chunk);
            if (n < 0) {
                throw new IOException("connection closed");
            }
            framer.feed(Arrays.copyOf(chunk, n), received::add);
        }
        return received.poll();
    }

    private void handshake(byte[] prefix) throws IOException {
        engine.beginHandshake();
        byte[] pending = prefix;
        while (true) {
            switch (engine.getHandshakeStatus()) {
                case NEED_WRAP -> {
                    ByteBuffer net = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
                    engine.wrap(ByteBuffer.allocate(0), net);
                    writeNet(net, pending);
                    pending = new byte[0];
                }
                case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
                    SSLEngineResult result = engine.unwrap(netIn.flip(), ByteBuffer.allocate(engine.getSession().getApplicationBufferSize()));
                    netIn.compact();
                    if (result.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW) {
                        fill();
                    } else if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
                        throw new SSLException("closed during the TLS handshake");
                    }
                }
                case NEED_TASK -> {
                    Runnable task;
                    while ((task = engine.getDelegatedTask()) != null) {
                        task.run();
                    }
                }
                case FINISHED, NOT_HANDSHAKING -> {
                    return;
                }
            }
        }
    }

    private void writeNet(ByteBuffer net, byte[] prefix) throws IOException {
        net.flip();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(prefix);
        bytes.write(net.array(), net.position(), net.remaining());
        out.write(bytes.toByteArray());
        out.flush();
    }

    private void fill() throws IOException {
        byte[] chunk = new byte[8192];
        int n = in.read(chunk);
        if (n < 0) {
            throw new IOException("connection closed");
        }
        if (netIn.remaining() < n) {
            ByteBuffer bigger = ByteBuffer.allocate(netIn.capacity() * 2 + n);
            netIn.flip();
            bigger.put(netIn);
            netIn = bigger;
        }
        netIn.put(chunk, 0, n);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private static final class TrustAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
