package io.junction.router.protocol;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuthMoreDataTest {

    @Test
    void fastAuthSuccessIsHeaderThenThree() {
        byte[] payload = new AuthMoreData(new byte[] {3}).encode();

        assertThat(payload).containsExactly(0x01, 0x03);
        assertThat(AuthMoreData.decode(payload).data()).containsExactly(3);
    }
}
