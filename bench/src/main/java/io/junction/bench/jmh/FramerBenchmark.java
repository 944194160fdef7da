package io.junction.bench.jmh;

import io.junction.router.protocol.PacketFramer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@link PacketFramer#feed}: a stream of 1,000 small packets (40-byte payloads, like short rows and OK packets)
 * arriving in 16 KiB reads, and one 16 MiB + 1 KiB payload (split on the wire into two packets) arriving in 64 KiB
 * reads. One operation frames the whole stream with a new framer.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FramerBenchmark {
    private static final long MAX_PACKET = 64L * 1024 * 1024;

    private byte[][] smallPackets;
    private byte[][] splitPacket;

    @Setup
    public void setUp() {
        byte[] stream = new byte[0];
        byte[] payload = new byte[40];
        Arrays.fill(payload, (byte) 'x');
        for (int i = 0; i < 1_000; i++) {
            byte[] packet = PacketFramer.encode(i & 0xFF, payload);
            stream = Arrays.copyOf(stream, stream.length + packet.length);
            System.arraycopy(packet, 0, stream, stream.length - packet.length, packet.length);
        }
        smallPackets = chunks(stream, 16 * 1024);
        splitPacket = chunks(PacketFramer.encode(1, new byte[PacketFramer.MAX_PART + 1 + 1024]), 64 * 1024);
    }

    @Benchmark
    public void thousandSmallPackets(Blackhole blackhole) {
        PacketFramer framer = new PacketFramer(MAX_PACKET);
        for (byte[] chunk : smallPackets) {
            framer.feed(chunk, blackhole::consume);
        }
    }

    @Benchmark
    public void oneSplit16MiBPacket(Blackhole blackhole) {
        PacketFramer framer = new PacketFramer(MAX_PACKET);
        for (byte[] chunk : splitPacket) {
            framer.feed(chunk, blackhole::consume);
        }
    }

    static byte[][] chunks(byte[] stream, int size) {
        List<byte[]> chunks = new ArrayList<>();
        for (int at = 0; at < stream.length; at += size) {
            chunks.add(Arrays.copyOfRange(stream, at, Math.min(stream.length, at + size)));
        }
        return chunks.toArray(new byte[0][]);
    }
}
