package io.junction.router.protocol;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Turns a byte stream into logical {@link Packet}s and packets back into bytes. The only place that knows the
 * 4-byte header (3-byte length, 1-byte sequence id) and joins or splits payloads of 16 MB - 1 bytes and more.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_basic_packets.html">MySQL Packets</a>
 */
public final class PacketFramer {
    /** The largest payload of one physical packet. */
    public static final int MAX_PART = 0xFFFFFF;
    private static final int HEADER = 4;

    private final long maxPacketSize;
    private final int retainBytes;
    private byte[] buffer = new byte[0];
    private int start;
    private int end;
    private ByteArrayOutputStream joined;
    private int joinedSequenceId;

    /** @param maxPacketSize largest logical payload accepted; longer ones throw {@link PacketTooLargeException} */
    public PacketFramer(long maxPacketSize) {
        this(maxPacketSize, 64 * 1024);
    }

    /**
     * @param retainBytes largest buffer kept once everything received is framed: small for the many mostly idle
     *        client connections, larger for the few busy backend ones (fewer allocations while relaying)
     */
    public PacketFramer(long maxPacketSize, int retainBytes) {
        this.maxPacketSize = maxPacketSize;
        this.retainBytes = retainBytes;
    }

    /** Feeds bytes as they arrive; every complete logical packet goes to {@code sink}, in order. */
    public void feed(byte[] chunk, Consumer<Packet> sink) {
        append(chunk);
        while (end - start >= HEADER) {
            int length = (buffer[start] & 0xFF) | (buffer[start + 1] & 0xFF) << 8 | (buffer[start + 2] & 0xFF) << 16;
            int sequenceId = buffer[start + 3] & 0xFF;
            long soFar = joined == null ? 0 : joined.size();
            if (soFar + length > maxPacketSize) {
                throw new PacketTooLargeException(soFar + length, maxPacketSize);
            }
            if (end - start < HEADER + length) {
                return;
            }
            byte[] part = Arrays.copyOfRange(buffer, start + HEADER, start + HEADER + length);
            start += HEADER + length;
            emit(sequenceId, part, length == MAX_PART, sink);
        }
        if (start == end) {
            start = 0;
            end = 0;
            if (buffer.length > retainBytes) {
                buffer = new byte[0];
            }
        }
    }

    /** True while bytes of an unfinished packet are held. */
    public boolean hasPartialPacket() {
        return end > start || joined != null;
    }

    private void emit(int sequenceId, byte[] part, boolean continues, Consumer<Packet> sink) {
        if (joined == null && !continues) {
            sink.accept(new Packet(sequenceId, part));
            return;
        }
        if (joined == null) {
            joined = new ByteArrayOutputStream(part.length * 2);
            joinedSequenceId = sequenceId;
        }
        joined.writeBytes(part);
        if (!continues) {
            byte[] payload = joined.toByteArray();
            joined = null;
            sink.accept(new Packet(joinedSequenceId, payload));
        }
    }

    private void append(byte[] chunk) {
        if (end + chunk.length > buffer.length) {
            int live = end - start;
            byte[] grown = live + chunk.length > buffer.length ? new byte[Math.max(live + chunk.length, buffer.length * 2)] : buffer;
            System.arraycopy(buffer, start, grown, 0, live);
            buffer = grown;
            start = 0;
            end = live;
        }
        System.arraycopy(chunk, 0, buffer, end, chunk.length);
        end += chunk.length;
    }

    /** The wire bytes of a payload: header(s) plus payload, split into 16 MB parts with consecutive sequence ids. */
    public static byte[] encode(int sequenceId, byte[] payload) {
        int parts = payload.length / MAX_PART + 1;
        byte[] out = new byte[payload.length + parts * HEADER];
        int in = 0;
        int at = 0;
        for (int i = 0; i < parts; i++) {
            int length = Math.min(MAX_PART, payload.length - in);
            out[at] = (byte) length;
            out[at + 1] = (byte) (length >>> 8);
            out[at + 2] = (byte) (length >>> 16);
            out[at + 3] = (byte) (sequenceId + i);
            System.arraycopy(payload, in, out, at + HEADER, length);
            in += length;
            at += HEADER + length;
        }
        return out;
    }

    public static byte[] encode(Packet packet) {
        return encode(packet.sequenceId(), packet.payload());
    }
}
