package io.junction.router.routing;

import java.util.HexFormat;

/**
 * A statement's digest: its text with the literals replaced by {@code ?}, so that statements differing only in
 * literal values share it, and a 64-bit hash of that text (what query rules match with {@code digest}, and what
 * statistics are keyed by).
 *
 * <p>The text is made in one pass over the statement, without an SQL parser:
 * <ul>
 *   <li>string literals ({@code '...'} and {@code "..."}, with backslash and doubled-quote escapes, also with an
 *       introducer such as {@code _utf8mb4'x'}, {@code N'x'}, {@code X'1F'}, {@code B'01'}) become {@code ?};
 *       {@code "..."} is read as a string, as in MySQL's default mode (not {@code ANSI_QUOTES}), and a backslash
 *       always escapes (as without {@code NO_BACKSLASH_ESCAPES});</li>
 *   <li>numbers ({@code 42}, {@code 3.14}, {@code .5}, {@code 1e5}, {@code 0x1F}, {@code 0b101}) become {@code ?},
 *       and so does a sign before a number where it cannot be a binary operator (after an operator, an opening
 *       parenthesis, a comma, the start, or a keyword such as {@code SELECT}, {@code WHERE}, {@code AND}):
 *       {@code a = -5} is {@code a = ?} but {@code a - 5} is {@code a - ?};</li>
 *   <li>a parenthesised list of nothing but literals after {@code IN}, {@code VALUES} or {@code VALUE} (inside it
 *       {@code NULL}, {@code TRUE}, {@code FALSE}, {@code DEFAULT}, {@code ?} placeholders and nested parentheses
 *       count as literals) becomes {@code (...)}, and so does a run of such rows after {@code VALUES}:
 *       {@code IN (1, 2, 3)} is {@code IN (...)}, {@code VALUES (1, 'a'), (2, 'b')} is {@code VALUES (...)};
 *       a list holding anything else (a column, a function call) is kept with its literals replaced;</li>
 *   <li>comments ({@code #}, {@code -- }, {@code /* ... *}{@code /}) are removed, executable comments
 *       ({@code /*! ... *}{@code /}, {@code /*M! ... *}{@code /}) and optimizer hints included: statements that
 *       differ only in those share a digest;</li>
 *   <li>each run of whitespace and comments becomes one space, none at either end;</li>
 *   <li>keywords, identifiers ({@code t1} stays {@code t1}), backquoted names, variables, {@code NULL},
 *       {@code TRUE} and {@code FALSE} are kept as written, case included (as ProxySQL does).</li>
 * </ul>
 * The text is cut at {@link #MAX_TEXT_LENGTH} characters (ProxySQL's default {@code query_digests_max_digest_length}).
 * The hash is FNV-1a 64 over the text's UTF-8 bytes (lone surrogates encoded as {@code ?}, as
 * {@link String#getBytes} does), so any tool can recompute it from the text.
 */
public record QueryDigest(long hash, String text) {
    /** Digest texts longer than this are cut. */
    public static final int MAX_TEXT_LENGTH = 2048;

    private static final long FNV_OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    public static QueryDigest of(String sql) {
        String text = new DigestNormalizer(sql).run();
        return new QueryDigest(fnv1a64(text), text);
    }

    /** The hash as 16 lowercase hex digits, as query rules and the admin API write it. */
    public String hashHex() {
        return HexFormat.of().toHexDigits(hash);
    }

    /** FNV-1a 64 of the UTF-8 encoding of {@code text}, encoded on the fly (no byte array). */
    public static long fnv1a64(CharSequence text) {
        long h = FNV_OFFSET_BASIS;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                h = (h ^ c) * FNV_PRIME;
            } else if (c < 0x800) {
                h = (h ^ (0xC0 | (c >> 6))) * FNV_PRIME;
                h = (h ^ (0x80 | (c & 0x3F))) * FNV_PRIME;
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, text.charAt(++i));
                h = (h ^ (0xF0 | (cp >> 18))) * FNV_PRIME;
                h = (h ^ (0x80 | ((cp >> 12) & 0x3F))) * FNV_PRIME;
                h = (h ^ (0x80 | ((cp >> 6) & 0x3F))) * FNV_PRIME;
                h = (h ^ (0x80 | (cp & 0x3F))) * FNV_PRIME;
            } else if (Character.isSurrogate(c)) {
                h = (h ^ '?') * FNV_PRIME;
            } else {
                h = (h ^ (0xE0 | (c >> 12))) * FNV_PRIME;
                h = (h ^ (0x80 | ((c >> 6) & 0x3F))) * FNV_PRIME;
                h = (h ^ (0x80 | (c & 0x3F))) * FNV_PRIME;
            }
        }
        return h;
    }
}
