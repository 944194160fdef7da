package io.junction.bench.client;

import io.junction.router.protocol.ComQuery;
import io.junction.router.protocol.Command;
import io.junction.router.protocol.EofPacket;
import io.junction.router.protocol.ErrPacket;
import io.junction.router.protocol.PacketFramer;
import io.junction.router.protocol.PacketReader;
import io.junction.router.protocol.ResponseScanner;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * A MySQL text-protocol client on a plain blocking socket, for the benchmarks that loop in threads (churn) or
 * stream one huge result (big-result). Rows are never decoded.
 */
public final class BlockingConnection implements AutoCloseable {
    private static final int CONNECT_TIMEOUT_MS = 5_000;
    private static final int READ_TIMEOUT_MS = 30_000;
    private static final int HEADER = 4;
    private static final int MAX_PACKETS = 1_000_000;
    private static final long MAX_ROWS = 1L << 32;

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final byte[] header = new byte[HEADER];
    private byte[] scratch = new byte[16 * 1024];
    private int capabilities;

    private BlockingConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 64 * 1024));
        this.out = socket.getOutputStream();
    }

    /** Connects and logs in; throws {@link UncheckedIOException} or {@link MysqlException}. */
    public static BlockingConnection open(Endpoint endpoint) {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(READ_TIMEOUT_MS);
            socket.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), CONNECT_TIMEOUT_MS);
            BlockingConnection connection = new BlockingConnection(socket);
            connection.login(endpoint.login());
            return connection;
        } catch (IOException e) {
            closeQuietly(socket);
            throw new UncheckedIOException("connecting to " + endpoint + " failed", e);
        } catch (RuntimeException e) {
            closeQuietly(socket);
            throw e;
        }
    }

    private void login(ClientLogin login) throws IOException {
        for (int packets = 0; packets < 8; packets++) {
            int sequenceId = readHeader();
            ClientLogin.Step step = login.accept(readPayload(payloadLength()));
            if (step instanceof ClientLogin.Done done) {
                capabilities = done.capabilities();
                return;
            }
            if (step instanceof ClientLogin.Failed failed) {
                throw new MysqlException("login failed: " + failed.reason());
            }
            send(sequenceId + 1, ((ClientLogin.Send) step).payload());
        }
        throw new MysqlException("login did not finish within 8 packets");
    }

    /** Runs a statement and reads its whole response; returns the rows of the last result set. */
    public long query(String sql) {
        try {
            send(0, ComQuery.of(sql).encode());
            ResponseScanner scanner = new ResponseScanner(ResponseScanner.Shape.RESULT, capabilities);
            for (int packets = 0; !scanner.done(); packets++) {
                if (packets == MAX_PACKETS) {
                    throw new MysqlException("response longer than " + MAX_PACKETS + " packets: use stream()");
                }
                readHeader();
                scanner.accept(readPayload(payloadLength()));
            }
            if (scanner.error() != null) {
                throw MysqlException.of(scanner.error());
            }
            return scanner.rows();
        } catch (IOException e) {
            throw new UncheckedIOException("query failed: " + sql, e);
        }
    }

    /**
     * Runs a query returning one result set and reads it without keeping rows: the payload bytes land in one
     * reused buffer. Returns the wire bytes read (headers included) and the row count.
     */
    public StreamedResult stream(String sql) {
        try {
            send(0, ComQuery.of(sql).encode());
            readHeader();
            byte[] first = readPayload(payloadLength());
            if (ErrPacket.is(first)) {
                throw MysqlException.of(ErrPacket.decode(first));
            }
            long columns = new PacketReader(first).readLenencInt();
            for (long i = 0; i < columns; i++) {
                readHeader();
                skipPayload(payloadLength());
            }
            readHeader();
            if (!EofPacket.is(readPayload(payloadLength()))) {
                throw new MysqlException("expected EOF after the column definitions");
            }
            long rows = 0;
            long bytes = 0;
            while (rows < MAX_ROWS) {
                readHeader();
                int length = payloadLength();
                bytes += HEADER + length;
                int firstByte = skipPayload(length);
                if (firstByte == EofPacket.HEADER && length < 9) {
                    return new StreamedResult(rows, bytes);
                }
                if (firstByte == ErrPacket.HEADER) {
                    throw MysqlException.of(ErrPacket.decode(java.util.Arrays.copyOf(scratch, length)));
                }
                rows++;
            }
            throw new MysqlException("result set longer than " + MAX_ROWS + " rows");
        } catch (IOException e) {
            throw new UncheckedIOException("streaming query failed: " + sql, e);
        }
    }

    /** Rows and wire bytes of a streamed result set. */
    public record StreamedResult(long rows, long bytes) {
    }

    private int readHeader() throws IOException {
        in.readFully(header);
        return header[3] & 0xFF;
    }

    private int payloadLength() {
        int length = (header[0] & 0xFF) | (header[1] & 0xFF) << 8 | (header[2] & 0xFF) << 16;
        if (length == PacketFramer.MAX_PART) {
            throw new MysqlException("16 MB split packets are not expected by the bench client");
        }
        return length;
    }

    private byte[] readPayload(int length) throws IOException {
        byte[] payload = new byte[length];
        in.readFully(payload);
        return payload;
    }

    /** Reads a payload into the scratch buffer; returns its first byte, or -1 if it is empty. */
    private int skipPayload(int length) throws IOException {
        if (length > scratch.length) {
            scratch = new byte[length];
        }
        in.readFully(scratch, 0, length);
        return length == 0 ? -1 : scratch[0] & 0xFF;
    }

    private void send(int sequenceId, byte[] payload) throws IOException {
        out.write(PacketFramer.encode(sequenceId & 0xFF, payload));
        out.flush();
    }

    /** Sends COM_QUIT and closes the socket. */
    @Override
    public void close() {
        try {
            if (!socket.isClosed()) {
                send(0, new byte[] {(byte) Command.QUIT});
            }
        } catch (IOException e) {
            // the peer is gone already: closing is all that is left
        } finally {
            closeQuietly(socket);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing to do: the socket is unusable either way
        }
    }
}
