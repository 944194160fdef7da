package io.junction.router.protocol;

import java.util.ArrayList;
import java.util.List;

/**
 * A row of a text-protocol result set: one length-encoded string per column, 0xFB for NULL. Junction decodes
 * rows only of its own queries; client result sets are relayed untouched.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_com_query_response_text_resultset_row.html">Text Resultset Row</a>
 */
public final class TextResultRow {
    private TextResultRow() {
    }

    /** The values of a row, null for SQL NULL. */
    public static List<String> decode(byte[] payload) {
        PacketReader in = new PacketReader(payload);
        List<String> values = new ArrayList<>();
        while (in.hasRemaining()) {
            if (in.peekInt1() == 0xFB) {
                in.skip(1);
                values.add(null);
            } else {
                values.add(in.readStringLenenc());
            }
        }
        return values;
    }
}
