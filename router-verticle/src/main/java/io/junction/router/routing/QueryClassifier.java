package io.junction.router.routing;

import java.util.Locale;

/**
 * Reads a statement's text once, skipping string literals, quoted names and comments, and notes what matters
 * for sharing connections: statements that pin, LOAD DATA LOCAL, and reads of LAST_INSERT_ID(), ROW_COUNT() and
 * FOUND_ROWS(). No SQL parser: keywords are compared at the start of each statement (after {@code ;}) and
 * function names wherever they occur. When unsure it pins: a needless pin costs sharing, a missing one
 * correctness. Session-tracking data from the server backs it up for state it can report.
 */
public final class QueryClassifier {
    private QueryClassifier() {
    }

    public static QueryTraits classify(String sql) {
        Scan scan = new Scan(sql);
        scan.run();
        if (scan.pin == null && !scan.localInfile && !scan.lastInsertId && !scan.previousResult && !scan.tracking
                && !scan.lockingRead) {
            return QueryTraits.PLAIN;
        }
        return new QueryTraits(scan.pin, scan.localInfile, scan.lastInsertId, scan.previousResult, scan.tracking,
                scan.lockingRead);
    }

    private static final class Scan {
        private final String sql;
        private final int length;
        private int at;
        private int wordInStatement;
        private String firstWord;
        private PinReason.Kind pin;
        private boolean localInfile;
        private boolean lastInsertId;
        private boolean previousResult;
        private boolean tracking;
        private boolean lockingRead;
        private String previousWord;

        Scan(String sql) {
            this.sql = sql;
            this.length = sql.length();
        }

        void run() {
            while (at < length) {
                char c = sql.charAt(at);
                if (c == '\'' || c == '"' || c == '`') {
                    skipQuoted(c);
                } else if (c == '#' || (c == '-' && startsWith("-- ")) || (c == '-' && startsWith("--") && at + 2 == length)) {
                    skipLine();
                } else if (c == '/' && (startsWith("/*!") || startsWith("/*M!"))) {
                    skipExecutableCommentOpener();
                } else if (c == '/' && startsWith("/*")) {
                    skipBlockComment();
                } else if (c == ';') {
                    wordInStatement = 0;
                    firstWord = null;
                    at++;
                } else if (c == '@') {
                    variable();
                } else if (Character.isLetter(c) || c == '_') {
                    word();
                } else {
                    at++;
                }
            }
        }

        private void word() {
            int start = at;
            while (at < length && (Character.isLetterOrDigit(sql.charAt(at)) || sql.charAt(at) == '_' || sql.charAt(at) == '$')) {
                at++;
            }
            String word = sql.substring(start, at).toUpperCase(Locale.ROOT);
            if (word.startsWith("SESSION_TRACK_")) {
                tracking = true;
            }
            boolean call = nextNonSpace() == '(';
            wordInStatement++;
            if (wordInStatement == 1) {
                firstWord = word;
                statementStart(word);
            } else if (wordInStatement == 2) {
                secondWord(word);
            }
            if (("UPDATE".equals(word) || "SHARE".equals(word)) && ("FOR".equals(previousWord) || "IN".equals(previousWord))) {
                lockingRead = true;
            }
            previousWord = word;
            if (call) {
                function(word);
            } else if (word.equals("TEMPORARY")) {
                pin(PinReason.Kind.TEMPORARY_TABLE);
            } else if (word.equals("SQL_CALC_FOUND_ROWS")) {
                pin(PinReason.Kind.SQL_CALC_FOUND_ROWS);
            } else if (word.equals("LOCAL") && "LOAD".equals(firstWord) && wordInStatement <= 4) {
                localInfile = true;
            }
        }

        private void statementStart(String word) {
            switch (word) {
                case "LOCK" -> pin(PinReason.Kind.LOCK_TABLES);
                case "PREPARE", "EXECUTE", "DEALLOCATE" -> pin(PinReason.Kind.TEXT_PREPARED_STATEMENT);
                case "HANDLER" -> pin(PinReason.Kind.HANDLER);
                case "XA" -> pin(PinReason.Kind.XA_TRANSACTION);
                default -> {
                }
            }
        }

        private void secondWord(String word) {
            if ("SET".equals(firstWord) && word.equals("TRANSACTION")) {
                pin(PinReason.Kind.NEXT_TRANSACTION_CHARACTERISTICS);
            } else if ("FLUSH".equals(firstWord) && word.equals("TABLES")) {
                pin(PinReason.Kind.LOCK_TABLES);
            }
        }

        private void function(String name) {
            switch (name) {
                case "GET_LOCK" -> pin(PinReason.Kind.GET_LOCK);
                case "LAST_INSERT_ID" -> lastInsertId = true;
                case "ROW_COUNT", "FOUND_ROWS" -> previousResult = true;
                default -> {
                }
            }
        }

        private void variable() {
            if (startsWith("@@")) {
                at += 2;
                int start = at;
                while (at < length && (Character.isLetterOrDigit(sql.charAt(at)) || sql.charAt(at) == '_' || sql.charAt(at) == '.')) {
                    at++;
                }
                String name = sql.substring(start, at).toUpperCase(Locale.ROOT);
                if (name.contains("SESSION_TRACK_")) {
                    tracking = true;
                }
                if (name.equals("IDENTITY") || name.equals("LAST_INSERT_ID") || name.endsWith(".IDENTITY")) {
                    lastInsertId = true;
                }
                return;
            }
            at++;
            if (at < length) {
                char next = sql.charAt(at);
                if (Character.isLetterOrDigit(next) || next == '_' || next == '$' || next == '\'' || next == '"' || next == '`') {
                    pin(PinReason.Kind.USER_VARIABLE);
                }
            }
        }

        private void pin(PinReason.Kind kind) {
            if (pin == null) {
                pin = kind;
            }
        }

        private char nextNonSpace() {
            int i = at;
            while (i < length && Character.isWhitespace(sql.charAt(i))) {
                i++;
            }
            return i < length ? sql.charAt(i) : 0;
        }

        private boolean startsWith(String prefix) {
            return sql.startsWith(prefix, at);
        }

        private void skipQuoted(char quote) {
            at++;
            while (at < length) {
                char c = sql.charAt(at);
                if (c == '\\' && quote != '`') {
                    at += 2;
                } else if (c == quote) {
                    at++;
                    if (at < length && sql.charAt(at) == quote) {
                        at++;
                    } else {
                        return;
                    }
                } else {
                    at++;
                }
            }
        }

        private void skipLine() {
            while (at < length && sql.charAt(at) != '\n') {
                at++;
            }
        }

        /** The text of an executable comment counts; its opener and version ({@code /*!40101}, {@code /*M!100100}) do not. */
        private void skipExecutableCommentOpener() {
            at += sql.charAt(at + 2) == 'M' ? 4 : 3;
            while (at < length && Character.isDigit(sql.charAt(at))) {
                at++;
            }
        }

        private void skipBlockComment() {
            int end = sql.indexOf("*/", at + 2);
            at = end < 0 ? length : end + 2;
        }
    }
}
