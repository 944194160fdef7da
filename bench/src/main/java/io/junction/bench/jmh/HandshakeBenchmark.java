package io.junction.bench.jmh;

import io.junction.router.auth.NativePassword;
import io.junction.router.protocol.Capabilities;
import io.junction.router.protocol.HandshakeResponse41;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The CPU side of a client login at Junction: decoding a libmariadb-like HandshakeResponse41 (with connect
 * attributes) and checking its mysql_native_password reply against the stored SHA1(SHA1(password)).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HandshakeBenchmark {
    private byte[] nonce;
    private byte[] doubleSha1;
    private byte[] response;

    @Setup
    public void setUp() {
        nonce = "0123456789abcdefghij".getBytes(StandardCharsets.US_ASCII);
        doubleSha1 = NativePassword.doubleSha1("bench-pw");
        byte[] reply = NativePassword.scramble(NativePassword.sha1("bench-pw"), nonce);
        int capabilities = Capabilities.CLIENT_LONG_PASSWORD | Capabilities.CLIENT_LONG_FLAG | Capabilities.CLIENT_PROTOCOL_41
                | Capabilities.CLIENT_TRANSACTIONS | Capabilities.CLIENT_SECURE_CONNECTION | Capabilities.CLIENT_MULTI_RESULTS
                | Capabilities.CLIENT_PLUGIN_AUTH | Capabilities.CLIENT_PLUGIN_AUTH_LENENC_CLIENT_DATA
                | Capabilities.CLIENT_CONNECT_WITH_DB | Capabilities.CLIENT_CONNECT_ATTRS;
        response = new HandshakeResponse41(capabilities, 1 << 24, 45, "bench", reply, "bench", NativePassword.NAME,
                Map.of("_client_name", "libmariadb", "_client_version", "3.3.8", "_os", "Linux", "_pid", "4242",
                        "program_name", "sysbench")).encode();
    }

    @Benchmark
    public byte[] decodeAndVerify() {
        HandshakeResponse41 decoded = HandshakeResponse41.decode(response);
        byte[] sha1 = NativePassword.verify(decoded.authResponse(), nonce, doubleSha1);
        if (sha1 == null) {
            throw new IllegalStateException("the reply did not verify");
        }
        return sha1;
    }
}
