package io.junction.router.protocol;

import java.nio.charset.StandardCharsets;

/**
 * A text-protocol statement. The SQL is kept as the client's bytes; {@link #text()} maps each byte to one char
 * (ISO-8859-1), which keeps keywords readable whatever the client's character set.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_com_query.html">COM_QUERY</a>
 */
public record ComQuery(byte[] sql) {

    public static ComQuery decode(byte[] payload) {
        PacketReader in = new PacketReader(payload);
        in.skip(1);
        return new ComQuery(in.readBytesEof());
    }

    public static ComQuery of(String sql) {
        return new ComQuery(sql.getBytes(StandardCharsets.UTF_8));
    }

    public String text() {
        return new String(sql, StandardCharsets.ISO_8859_1);
    }

    public byte[] encode() {
        return new PacketWriter(sql.length + 1).writeInt1(Command.QUERY).writeBytes(sql).toByteArray();
    }
}
