package io.junction.router.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Writes the basic data types of a packet payload; the counterpart of {@link PacketReader}. */
public final class PacketWriter {
    private byte[] bytes;
    private int length;

    public PacketWriter() {
        this(64);
    }

    public PacketWriter(int capacity) {
        bytes = new byte[capacity];
    }

    public PacketWriter writeInt1(int value) {
        ensure(1);
        bytes[length++] = (byte) value;
        return this;
    }

    public PacketWriter writeInt2(int value) {
        return writeFixed(value, 2);
    }

    public PacketWriter writeInt3(int value) {
        return writeFixed(value, 3);
    }

    public PacketWriter writeInt4(long value) {
        return writeFixed(value, 4);
    }

    public PacketWriter writeInt8(long value) {
        return writeFixed(value, 8);
    }

    public PacketWriter writeLenencInt(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative length-encoded integer: " + value);
        } else if (value < 0xFB) {
            return writeInt1((int) value);
        } else if (value < (1 << 16)) {
            return writeInt1(0xFC).writeInt2((int) value);
        } else if (value < (1 << 24)) {
            return writeInt1(0xFD).writeInt3((int) value);
        }
        return writeInt1(0xFE).writeInt8(value);
    }

    public PacketWriter writeBytes(byte[] value) {
        return writeBytes(value, 0, value.length);
    }

    public PacketWriter writeBytes(byte[] value, int offset, int count) {
        ensure(count);
        System.arraycopy(value, offset, bytes, length, count);
        length += count;
        return this;
    }

    public PacketWriter writeZeros(int count) {
        ensure(count);
        length += count;
        return this;
    }

    public PacketWriter writeBytesLenenc(byte[] value) {
        return writeLenencInt(value.length).writeBytes(value);
    }

    public PacketWriter writeBytesNul(byte[] value) {
        return writeBytes(value).writeInt1(0);
    }

    public PacketWriter writeStringNul(String value) {
        return writeBytesNul(utf8(value));
    }

    public PacketWriter writeStringEof(String value) {
        return writeBytes(utf8(value));
    }

    public PacketWriter writeStringLenenc(String value) {
        return writeBytesLenenc(utf8(value));
    }

    public int length() {
        return length;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }

    private PacketWriter writeFixed(long value, int size) {
        ensure(size);
        for (int i = 0; i < size; i++) {
            bytes[length++] = (byte) (value >>> (8 * i));
        }
        return this;
    }

    private void ensure(int extra) {
        if (length + extra > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + extra));
        }
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
