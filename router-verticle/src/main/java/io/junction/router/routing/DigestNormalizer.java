package io.junction.router.routing;

/** One pass over a statement, writing the digest text. */
final class DigestNormalizer {
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

    DigestNormalizer(String sql) {
        this.sql = sql;
        this.length = sql.length();
        this.out = new StringBuilder(Math.min(length, QueryDigest.MAX_TEXT_LENGTH + 16));
    }

    String run() {
        while (at < length && out.length() < QueryDigest.MAX_TEXT_LENGTH) {
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
        if (out.length() > QueryDigest.MAX_TEXT_LENGTH) {
            out.setLength(QueryDigest.MAX_TEXT_LENGTH);
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
