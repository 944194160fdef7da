package io.junction.router.protocol;

/**
 * Success of a command, or (header 0xFE, with CLIENT_DEPRECATE_EOF) the end of a result set.
 *
 * @param sessionStateChanges the raw session-state-change data (see {@link SessionStateChanges}); empty if none
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_basic_ok_packet.html">OK_Packet</a>
 */
public record OkPacket(int header, long affectedRows, long lastInsertId, int statusFlags, int warnings,
                       String info, byte[] sessionStateChanges) {
    public static final int HEADER = 0x00;
    public static final int EOF_HEADER = 0xFE;
    private static final byte[] NONE = new byte[0];

    public static OkPacket of(int statusFlags) {
        return new OkPacket(HEADER, 0, 0, statusFlags, 0, "", NONE);
    }

    /** True if a payload is an OK packet (not a 0xFE-headed OK, which only ends result sets). */
    public static boolean is(byte[] payload) {
        return payload.length >= 7 && (payload[0] & 0xFF) == HEADER;
    }

    /** Decodes an OK packet sent to a peer that negotiated {@code capabilities}. */
    public static OkPacket decode(byte[] payload, int capabilities) {
        PacketReader in = new PacketReader(payload);
        int header = in.readInt1();
        long affected = in.readLenencInt();
        long insertId = in.readLenencInt();
        int status = in.readInt2();
        int warnings = in.readInt2();
        String info = "";
        byte[] changes = NONE;
        if (Capabilities.has(capabilities, Capabilities.CLIENT_SESSION_TRACK)) {
            if (in.hasRemaining()) {
                info = in.readStringLenenc();
            }
            if (StatusFlags.has(status, StatusFlags.SESSION_STATE_CHANGED) && in.hasRemaining()) {
                changes = in.readBytesLenenc();
            }
        } else if (in.hasRemaining()) {
            info = in.readStringLenenc(); // servers length-prefix info without CLIENT_SESSION_TRACK too, and clients expect it
        }
        return new OkPacket(header, affected, insertId, status, warnings, info, changes);
    }

    /** Encodes for a peer that negotiated {@code capabilities}; session state goes only to peers that track it. */
    public byte[] encode(int capabilities) {
        boolean tracks = Capabilities.has(capabilities, Capabilities.CLIENT_SESSION_TRACK);
        int status = tracks ? statusFlags : statusFlags & ~StatusFlags.SESSION_STATE_CHANGED;
        PacketWriter out = new PacketWriter(16 + info.length())
                .writeInt1(header)
                .writeLenencInt(affectedRows)
                .writeLenencInt(lastInsertId)
                .writeInt2(status)
                .writeInt2(warnings);
        if (tracks) {
            boolean changed = StatusFlags.has(status, StatusFlags.SESSION_STATE_CHANGED);
            if (changed || !info.isEmpty()) {
                out.writeStringLenenc(info);
            }
            if (changed) {
                out.writeBytesLenenc(sessionStateChanges);
            }
        } else if (!info.isEmpty()) {
            out.writeStringLenenc(info);
        }
        return out.toByteArray();
    }

    public boolean moreResults() {
        return StatusFlags.has(statusFlags, StatusFlags.MORE_RESULTS_EXISTS);
    }
}
