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
        String text = new Normalizer(sql).run();
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

    /** One pass over a statement, writing the digest text. */
    private static final class Normalizer {
        /** What the last token written was: decides whether a following sign is unary. */
        private enum Last { NOTHING, WORD, VALUE, OPERATOR }

        private final String sql;
        private final int length;
        private final StringBuilder out;
        private int at;
        private boolean space;
        private Last last = Last.NOTHING;
        private int wordStart;
        private int wordEnd;

        Normalizer(String sql) {
            this.sql = sql;
            this.length = sql.length();
            this.out = new StringBuilder(Math.min(length, MAX_TEXT_LENGTH + 16));
        }

        String run() {
            while (at < length && out.length() < MAX_TEXT_LENGTH) {
                char c = sql.charAt(at);
                int end;
                if (c <= ' ') {
                    space = true;
                    at++;
                } else if ((end = commentEnd(at)) > at) {
                    space = true;
                    at = end;
                } else if (c == '\'' || c == '"') {
                    end = stringEnd(at);
                    if (out.length() > 0 && out.charAt(out.length() - 1) == '@' && !space) {
                        copy(end, Last.VALUE); // @'quoted name' is a variable, not a literal
                    } else {
                        literal(end);
                    }
                } else if (c == '`') {
                    copy(stringEnd(at), Last.VALUE);
                } else if (c == '(' && last == Last.WORD && listKeyword() && (end = literalListEnd(at)) > 0) {
                    collapseLists(end);
                } else if (isDigit(c) || (c == '.' && digitAt(at + 1) && (space || (last != Last.WORD && last != Last.VALUE)))) {
                    end = numberEnd(at);
                    if (end > 0) {
                        literal(end);
                    } else {
                        word(wordEnd(at)); // 1abc is a name
                    }
                } else if ((c == '-' || c == '+') && unaryPosition() && (end = signedNumberEnd(at)) > 0) {
                    literal(end);
                } else if (isWordChar(c)) {
                    end = wordEnd(at);
                    int string = introducedStringEnd(at, end);
                    if (string > 0) {
                        literal(string);
                    } else {
                        word(end);
                    }
                } else if (c == '?') {
                    literal(at + 1);
                } else {
                    copy(at + 1, c == ')' ? Last.VALUE : Last.OPERATOR);
                }
            }
            if (out.length() > MAX_TEXT_LENGTH) {
                out.setLength(MAX_TEXT_LENGTH);
            }
            return out.toString();
        }

        private void separate() {
            if (space && out.length() > 0) {
                out.append(' ');
            }
            space = false;
        }

        private void literal(int end) {
            separate();
            out.append('?');
            last = Last.VALUE;
            at = end;
        }

        private void copy(int end, Last kind) {
            separate();
            out.append(sql, at, end);
            last = kind;
            at = end;
        }

        private void word(int end) {
            wordStart = at;
            wordEnd = end;
            copy(end, Last.WORD);
        }

        /** Writes {@code (...)} for the literal list ending at {@code end}, and for the rows after it after VALUES. */
        private void collapseLists(int end) {
            if (!wordIs("IN")) {
                while (true) {
                    int comma = skipBlank(end);
                    if (comma >= length || sql.charAt(comma) != ',') {
                        break;
                    }
                    int open = skipBlank(comma + 1);
                    int next = open < length && sql.charAt(open) == '(' ? literalListEnd(open) : -1;
                    if (next < 0) {
                        break;
                    }
                    end = next;
                }
            }
            space = true;
            separate();
            out.append("(...)");
            last = Last.VALUE;
            at = end;
        }

        private boolean listKeyword() {
            return wordIs("IN") || wordIs("VALUES") || wordIs("VALUE");
        }

        /** Whether a sign here starts a number rather than subtracting or adding. */
        private boolean unaryPosition() {
            return switch (last) {
                case NOTHING, OPERATOR -> true;
                case VALUE -> false;
                case WORD -> wordIs("SELECT") || wordIs("WHERE") || wordIs("AND") || wordIs("OR") || wordIs("NOT")
                        || wordIs("XOR") || wordIs("WHEN") || wordIs("THEN") || wordIs("ELSE") || wordIs("BETWEEN")
                        || wordIs("LIKE") || wordIs("LIMIT") || wordIs("OFFSET") || wordIs("HAVING") || wordIs("ON")
                        || wordIs("RETURN") || wordIs("INTERVAL") || wordIs("IS") || wordIs("DIV") || wordIs("MOD")
                        || wordIs("SET") || wordIs("DEFAULT") || wordIs("CASE");
            };
        }

        private boolean wordIs(String keyword) {
            return wordEnd - wordStart == keyword.length() && sql.regionMatches(true, wordStart, keyword, 0, keyword.length());
        }

        /**
         * The end of the parenthesised list at {@code open} if it holds only literals, commas and nested
         * parentheses, else -1.
         */
        private int literalListEnd(int open) {
            int depth = 0;
            int i = open;
            while (true) {
                i = skipBlank(i);
                if (i >= length) {
                    return -1;
                }
                char c = sql.charAt(i);
                int end;
                if (c == '(') {
                    depth++;
                    i++;
                } else if (c == ')') {
                    i++;
                    if (--depth == 0) {
                        return i;
                    }
                } else if (c == ',' || c == '?') {
                    i++;
                } else if (c == '\'' || c == '"') {
                    i = stringEnd(i);
                } else if ((c == '-' || c == '+') && (end = signedNumberEnd(i)) > 0) {
                    i = end;
                } else if ((isDigit(c) || (c == '.' && digitAt(i + 1))) && (end = numberEnd(i)) > 0) {
                    i = end;
                } else if (isWordChar(c) && !isDigit(c)) {
                    end = wordEnd(i);
                    int string = introducedStringEnd(i, end);
                    if (string > 0) {
                        i = string;
                    } else if (isConstant(i, end)) {
                        i = end;
                    } else {
                        return -1;
                    }
                } else {
                    return -1;
                }
            }
        }

        private boolean isConstant(int start, int end) {
            int n = end - start;
            return (n == 4 && (sql.regionMatches(true, start, "NULL", 0, 4) || sql.regionMatches(true, start, "TRUE", 0, 4)))
                    || (n == 5 && sql.regionMatches(true, start, "FALSE", 0, 5))
                    || (n == 7 && sql.regionMatches(true, start, "DEFAULT", 0, 7));
        }

        /** Past whitespace and comments from {@code i}. */
        private int skipBlank(int i) {
            while (i < length) {
                int end;
                if (sql.charAt(i) <= ' ') {
                    i++;
                } else if ((end = commentEnd(i)) > i) {
                    i = end;
                } else {
                    return i;
                }
            }
            return i;
        }

        /** The end of a comment starting at {@code i}, or {@code i} if none starts there. */
        private int commentEnd(int i) {
            char c = sql.charAt(i);
            if (c == '#' || (c == '-' && i + 1 < length && sql.charAt(i + 1) == '-' && (i + 2 == length || sql.charAt(i + 2) <= ' '))) {
                int newline = sql.indexOf('\n', i);
                return newline < 0 ? length : newline + 1;
            }
            if (c == '/' && i + 1 < length && sql.charAt(i + 1) == '*') {
                int close = sql.indexOf("*/", i + 2);
                return close < 0 ? length : close + 2;
            }
            return i;
        }

        /** The end of the quoted string or name starting at {@code i} (unterminated: the end of the text). */
        private int stringEnd(int i) {
            char quote = sql.charAt(i);
            int j = i + 1;
            while (j < length) {
                char c = sql.charAt(j);
                if (c == '\\' && quote != '`') {
                    j += 2;
                } else if (c == quote) {
                    if (j + 1 < length && sql.charAt(j + 1) == quote) {
                        j += 2;
                    } else {
                        return j + 1;
                    }
                } else {
                    j++;
                }
            }
            return length;
        }

        /** The end of the string after the introducer {@code [start, end)} ({@code _charset}, N, X, B), or -1. */
        private int introducedStringEnd(int start, int end) {
            if (end >= length) {
                return -1;
            }
            char quote = sql.charAt(end);
            if (quote != '\'' && quote != '"') {
                return -1;
            }
            char first = sql.charAt(start);
            boolean introducer = first == '_'
                    || (end - start == 1 && (first == 'N' || first == 'n'))
                    || (end - start == 1 && quote == '\'' && (first == 'X' || first == 'x' || first == 'B' || first == 'b'));
            return introducer ? stringEnd(end) : -1;
        }

        /** The end of a sign, optional blanks and a number from {@code i}, or -1 if no number follows the sign. */
        private int signedNumberEnd(int i) {
            int j = i + 1;
            while (j < length && sql.charAt(j) <= ' ') {
                j++;
            }
            if (j < length && (isDigit(sql.charAt(j)) || (sql.charAt(j) == '.' && digitAt(j + 1)))) {
                return numberEnd(j);
            }
            return -1;
        }

        /** The end of the number starting at {@code i}, or -1 if a name character follows it (a name like 1abc). */
        private int numberEnd(int i) {
            int j = i;
            if (sql.charAt(i) == '0' && i + 2 < length && (sql.charAt(i + 1) | 0x20) == 'x' && isHexDigit(sql.charAt(i + 2))) {
                j = i + 2;
                while (j < length && isHexDigit(sql.charAt(j))) {
                    j++;
                }
            } else if (sql.charAt(i) == '0' && i + 2 < length && (sql.charAt(i + 1) | 0x20) == 'b' && isBinaryDigit(sql.charAt(i + 2))) {
                j = i + 2;
                while (j < length && isBinaryDigit(sql.charAt(j))) {
                    j++;
                }
            } else {
                while (j < length && isDigit(sql.charAt(j))) {
                    j++;
                }
                if (j < length && sql.charAt(j) == '.') {
                    j++;
                    while (j < length && isDigit(sql.charAt(j))) {
                        j++;
                    }
                }
                if (j < length && (sql.charAt(j) | 0x20) == 'e') {
                    int k = j + 1;
                    if (k < length && (sql.charAt(k) == '+' || sql.charAt(k) == '-')) {
                        k++;
                    }
                    if (digitAt(k)) {
                        j = k;
                        while (j < length && isDigit(sql.charAt(j))) {
                            j++;
                        }
                    }
                }
            }
            return j < length && isWordChar(sql.charAt(j)) ? -1 : j;
        }

        private int wordEnd(int i) {
            int j = i;
            while (j < length && isWordChar(sql.charAt(j))) {
                j++;
            }
            return j;
        }

        private boolean digitAt(int i) {
            return i < length && isDigit(sql.charAt(i));
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        private static boolean isHexDigit(char c) {
            return isDigit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
        }

        private static boolean isBinaryDigit(char c) {
            return c == '0' || c == '1';
        }

        /** Characters of unquoted names: ASCII letters, digits, {@code _}, {@code $}, and anything past ASCII. */
        private static boolean isWordChar(char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c) || c == '_' || c == '$' || c >= 0x80;
        }
    }
}
