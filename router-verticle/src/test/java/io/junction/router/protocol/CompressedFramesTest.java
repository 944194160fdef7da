package io.junction.router.protocol;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CompressedFramesTest {

    @Test
    void smallPayloadsAreStoredWithUncompressedLengthZero() {
        byte[] ping = PacketFramer.encode(0, new byte[] {Command.PING});
        byte[] frame = new CompressedFrames(1 << 20).wrap(ping);
        assertThat(frame).startsWith(5, 0, 0, 0, 0, 0, 0);
        assertThat(Arrays.copyOfRange(frame, 7, frame.length)).isEqualTo(ping);
    }

    @Test
    void largePayloadsAreZlibCompressedAndInflateBack() {
        byte[] plain = PacketFramer.encode(1, ("SELECT '" + "x".repeat(5_000) + "'").getBytes());
        byte[] frame = new CompressedFrames(1 << 20).wrap(plain);
        int compressed = (frame[0] & 0xFF) | (frame[1] & 0xFF) << 8 | (frame[2] & 0xFF) << 16;
        int uncompressed = (frame[4] & 0xFF) | (frame[5] & 0xFF) << 8 | (frame[6] & 0xFF) << 16;
        assertThat(uncompressed).isEqualTo(plain.length);
        assertThat(compressed).isEqualTo(frame.length - 7).isLessThan(plain.length / 10);
        assertThat(unwrapAll(new CompressedFrames(1 << 20), frame, frame.length)).isEqualTo(plain);
    }

    @Test
    void framesFedOneByteAtATimeYieldTheSameBytes() {
        CompressedFrames sender = new CompressedFrames(1 << 20);
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        for (int i = 0; i < 5; i++) {
            byte[] packet = PacketFramer.encode(i, ("row " + i + " " + "y".repeat(i * 40)).getBytes());
            plain.writeBytes(packet);
            wire.writeBytes(sender.wrap(packet));
        }
        assertThat(unwrapAll(new CompressedFrames(1 << 20), wire.toByteArray(), 1)).isEqualTo(plain.toByteArray());
    }

    @Test
    void theCompressedSequenceContinuesAndRestartsPerCommand() {
        CompressedFrames frames = new CompressedFrames(1 << 20);
        assertThat(frames.wrap(new byte[10])[3]).isEqualTo((byte) 0);
        assertThat(frames.wrap(new byte[10])[3]).isEqualTo((byte) 1);
        frames.resetSequence();
        assertThat(frames.wrap(new byte[10])[3]).isEqualTo((byte) 0);
        frames.unwrap(new byte[] {1, 0, 0, 7, 0, 0, 0, 9}, b -> { });
        assertThat(frames.wrap(new byte[10])[3]).as("after receiving frame 7, the next one sent is 8").isEqualTo((byte) 8);
    }

    @Test
    void framesFromAnotherZlibImplementationAreRead() {
        byte[] plain = PacketFramer.encode(0, ("SELECT " + "1, ".repeat(100) + "1").getBytes());
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(plain);
        deflater.finish();
        byte[] body = new byte[plain.length];
        int n = deflater.deflate(body);
        deflater.end();
        byte[] frame = new byte[7 + n];
        frame[0] = (byte) n;
        frame[1] = (byte) (n >> 8);
        frame[4] = (byte) plain.length;
        frame[5] = (byte) (plain.length >> 8);
        System.arraycopy(body, 0, frame, 7, n);
        assertThat(unwrapAll(new CompressedFrames(1 << 20), frame, 3)).isEqualTo(plain);
    }

    @Test
    void badAndOversizedFramesAreRefused() {
        byte[] notZlib = {5, 0, 0, 0, 10, 0, 0, 1, 2, 3, 4, 5};
        assertThatThrownBy(() -> new CompressedFrames(1 << 20).unwrap(notZlib, b -> { }))
                .isInstanceOf(MalformedPacketException.class);
        byte[] huge = {5, 0, 0, 0, 0, 0, 0x20}; // 2 MiB uncompressed, over the 1 MiB limit
        assertThatThrownBy(() -> new CompressedFrames(1 << 20).unwrap(huge, b -> { }))
                .isInstanceOf(PacketTooLargeException.class);
    }

    private static byte[] unwrapAll(CompressedFrames frames, byte[] wire, int step) {
        List<byte[]> out = new ArrayList<>();
        for (int at = 0; at < wire.length; at += step) {
            frames.unwrap(Arrays.copyOfRange(wire, at, Math.min(wire.length, at + step)), out::add);
        }
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        out.forEach(joined::writeBytes);
        return joined.toByteArray();
    }
}
