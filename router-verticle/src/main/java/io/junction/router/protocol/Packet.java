package io.junction.router.protocol;

/**
 * One logical packet: a payload (16 MB splits already joined) and the sequence id of its first part.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_basic_packets.html">MySQL Packets</a>
 */
public record Packet(int sequenceId, byte[] payload) {

    /** Number of physical packets this payload takes on the wire (a multiple of 16 MB - 1 ends with an empty part). */
    public int wireParts() {
        return payload.length / PacketFramer.MAX_PART + 1;
    }

    /** The sequence id the packet after this one carries. */
    public int nextSequenceId() {
        return (sequenceId + wireParts()) & 0xFF;
    }

    public int firstByte() {
        return payload.length == 0 ? -1 : payload[0] & 0xFF;
    }
}
