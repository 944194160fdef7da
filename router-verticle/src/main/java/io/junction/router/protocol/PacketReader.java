package io.junction.router.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the basic data types of a packet payload, named as in the protocol docs.
 * Out-of-bounds reads throw {@link MalformedPacketException}.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_basic_dt_integers.html">Integer types</a>
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_basic_dt_strings.html">String types</a>
 */
public final class PacketReader {
    private final byte[] bytes;
    private int position;

    public PacketReader(byte[] bytes) {
        this.bytes = bytes;
    }

    public int position() {
        return position;
    }

    public int remaining() {
        return bytes.length - position;
    }

    public boolean hasRemaining() {
        return position < bytes.length;
    }

    public int peekInt1() {
        need(1);
        return bytes[position] & 0xFF;
    }

    public int readInt1() {
        need(1);
        return bytes[position++] & 0xFF;
    }

    public int readInt2() {
        return (int) readFixed(2);
    }

    public int readInt3() {
        return (int) readFixed(3);
    }

    public long readInt4() {
        return readFixed(4);
    }

    public long readInt6() {
        return readFixed(6);
    }

    public long readInt8() {
        return readFixed(8);
    }

    /** A length-encoded integer; 0xFB (NULL) is returned as -1. */
    public long readLenencInt() {
        int first = readInt1();
        return switch (first) {
            case 0xFB -> -1;
            case 0xFC -> readInt2();
            case 0xFD -> readInt3();
            case 0xFE -> readInt8();
            case 0xFF -> throw new MalformedPacketException("0xFF is not a length-encoded integer");
            default -> first;
        };
    }

    public byte[] readBytes(int length) {
        need(length);
        byte[] out = Arrays.copyOfRange(bytes, position, position + length);
        position += length;
        return out;
    }

    public byte[] readBytesLenenc() {
        long length = readLenencInt();
        if (length < 0 || length > remaining()) {
            throw new MalformedPacketException("length-encoded string of " + length + " bytes, " + remaining() + " left");
        }
        return readBytes((int) length);
    }

    public byte[] readBytesNul() {
        int end = position;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        if (end == bytes.length) {
            throw new MalformedPacketException("string without NUL terminator");
        }
        byte[] out = Arrays.copyOfRange(bytes, position, end);
        position = end + 1;
        return out;
    }

    public byte[] readBytesEof() {
        return readBytes(remaining());
    }

    public String readStringNul() {
        return new String(readBytesNul(), StandardCharsets.UTF_8);
    }

    public String readStringEof() {
        return new String(readBytesEof(), StandardCharsets.UTF_8);
    }

    public String readStringLenenc() {
        return new String(readBytesLenenc(), StandardCharsets.UTF_8);
    }

    public String readStringFixed(int length) {
        return new String(readBytes(length), StandardCharsets.UTF_8);
    }

    public void skip(int length) {
        need(length);
        position += length;
    }

    private long readFixed(int length) {
        need(length);
        long value = 0;
        for (int i = 0; i < length; i++) {
            value |= (long) (bytes[position + i] & 0xFF) << (8 * i);
        }
        position += length;
        return value;
    }

    private void need(int length) {
        if (length < 0 || position + length > bytes.length) {
            throw new MalformedPacketException("packet ends after " + bytes.length + " bytes, needed " + (position + length));
        }
    }
}
