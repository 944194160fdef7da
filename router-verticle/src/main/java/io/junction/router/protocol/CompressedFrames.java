package io.junction.router.protocol;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The compressed protocol (CLIENT_COMPRESS): ordinary packets travel inside frames with a 7-byte header (3-byte
 * compressed length, 1-byte compressed sequence id, 3-byte uncompressed length, 0 meaning "stored as is") and a
 * zlib body. One instance per connection: {@link #unwrap} turns received frames back into the plain byte stream
 * for the {@link PacketFramer}; {@link #wrap} turns plain bytes to send into frames. Payloads under
 * {@value #MIN_COMPRESS_LENGTH} bytes are stored, as servers do.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_basic_compression.html">Compression</a>
 */
public final class CompressedFrames {
    public static final int MIN_COMPRESS_LENGTH = 50;
    private static final int HEADER = 7;
    private static final int MAX_BODY = 0xFFFFFF;

    private final long maxFrame;
    private byte[] pending = new byte[0];
    private int sequenceId;

    /** @param maxFrame largest uncompressed frame accepted from the peer */
    public CompressedFrames(long maxFrame) {
        this.maxFrame = maxFrame;
    }

    /** A new command starts: the compressed sequence restarts at 0, like the packet sequence. */
    public void resetSequence() {
        sequenceId = 0;
    }

    /** Feeds received bytes; the plain bytes of every complete frame go to {@code plain}, in order. */
    public void unwrap(byte[] chunk, Consumer<byte[]> plain) {
        byte[] data = pending.length == 0 ? chunk : concat(pending, chunk);
        int at = 0;
        while (data.length - at >= HEADER) {
            int compressed = int3(data, at);
            int sequence = data[at + 3] & 0xFF;
            int uncompressed = int3(data, at + 4);
            if (uncompressed > maxFrame || compressed > maxFrame) {
                throw new PacketTooLargeException(Math.max(uncompressed, compressed), maxFrame);
            }
            if (data.length - at - HEADER < compressed) {
                break;
            }
            byte[] body = Arrays.copyOfRange(data, at + HEADER, at + HEADER + compressed);
            at += HEADER + compressed;
            sequenceId = (sequence + 1) & 0xFF;
            plain.accept(uncompressed == 0 ? body : inflate(body, uncompressed));
        }
        pending = at == data.length ? new byte[0] : Arrays.copyOfRange(data, at, data.length);
    }

    /** The frames that carry {@code plain} (complete packets, headers included), continuing the compressed sequence. */
    public byte[] wrap(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 2 + HEADER);
        int at = 0;
        do {
            int length = Math.min(MAX_BODY, plain.length - at);
            byte[] part = Arrays.copyOfRange(plain, at, at + length);
            byte[] deflated = length >= MIN_COMPRESS_LENGTH ? deflate(part) : null;
            boolean store = deflated == null || deflated.length >= length;
            byte[] body = store ? part : deflated;
            writeInt3(out, body.length);
            out.write(sequenceId);
            sequenceId = (sequenceId + 1) & 0xFF;
            writeInt3(out, store ? 0 : length);
            out.writeBytes(body);
            at += length;
        } while (at < plain.length);
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] in) {
        Deflater deflater = new Deflater();
        try {
            deflater.setInput(in);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(in.length / 2 + 16);
            byte[] buffer = new byte[Math.min(65_536, in.length + 64)];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static byte[] inflate(byte[] in, int length) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(in);
            byte[] out = new byte[length];
            int done = 0;
            while (done < length && !inflater.finished()) {
                int n = inflater.inflate(out, done, length - done);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                done += n;
            }
            if (done != length) {
                throw new MalformedPacketException("compressed frame inflates to " + done + " bytes, header says " + length);
            }
            return out;
        } catch (DataFormatException e) {
            throw new MalformedPacketException("compressed frame is not zlib data: " + e.getMessage());
        } finally {
            inflater.end();
        }
    }

    private static int int3(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16;
    }

    private static void writeInt3(ByteArrayOutputStream out, int value) {
        out.write(value);
        out.write(value >>> 8);
        out.write(value >>> 16);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
