package dev.fusionlab.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text (RFC 4180: comma, double quotes, {@code ""} for a quote, line breaks inside quoted
 * values) into records one at a time, and recovers from a malformed record instead of giving up on the
 * file: a quote never closed, or text after a closing quote, costs that record's first line only, and
 * reading resumes on the next line. A general CSV parser cannot do this, because an unterminated quote
 * makes it read every later row as one value until the end of the file.
 *
 * <p>Spaces around values are dropped, blank lines skipped. Lines are counted at {@code '\n'}; a file
 * using old Mac line ends ({@code '\r'} only) is read as if they were {@code '\n'}.
 */
final class CsvRecords {

    /** One record: its values and the 1-based lines it spans. */
    record Csv(List<String> values, int firstLine, int lastLine) {
    }

    /** A record that cannot be read: it starts at {@code line}, and reading resumes on the line after. */
    record Malformed(int line, String reason) {
    }

    private final String text;
    private int expected;
    private int pos;
    private int line = 1;

    private final char separator;

    CsvRecords(String text) {
        this(text, ',');
    }

    /** @param separator between values: ',' (CSV), ';' or '\t' */
    CsvRecords(String text, char separator) {
        this.text = text.indexOf('\n') < 0 ? text.replace('\r', '\n') : text;
        this.separator = separator;
    }

    /**
     * From now on, a record spanning several lines with another number of values is malformed: its
     * quoted value has swallowed the lines that follow, which are read again as rows of their own.
     */
    void expectValues(int count) {
        expected = count;
    }

    /** The next record, a {@link Malformed} one, or null at the end of the text. */
    Object next() {
        skipBlankLines();
        if (pos >= text.length()) {
            return null;
        }
        int startPos = pos;
        int startLine = line;
        List<String> values = new ArrayList<>();
        String reason = null;
        while (reason == null) {
            skipSpaces();
            StringBuilder value = new StringBuilder();
            if (pos < text.length() && text.charAt(pos) == '"') {
                reason = quoted(value);
                if (reason == null) {
                    skipSpaces();
                    if (pos < text.length() && !isSeparator(text.charAt(pos))) {
                        reason = "text after a closing quote (a quote inside a value must be doubled: \"\")";
                    }
                }
            } else {
                int start = pos;
                while (pos < text.length() && !isSeparator(text.charAt(pos))) {
                    pos++;
                }
                value.append(text, start, pos);
                while (!value.isEmpty() && isSpace(value.charAt(value.length() - 1))) {
                    value.setLength(value.length() - 1);
                }
            }
            if (reason != null) {
                break;
            }
            values.add(value.toString());
            if (pos >= text.length()) {
                break;
            }
            char c = text.charAt(pos++);
            if (c == separator) {
                continue;
            }
            if (c == '\r' && pos < text.length() && text.charAt(pos) == '\n') {
                pos++;
            }
            line++;
            break;
        }
        if (reason != null && line > startLine) {
            reason = "a quoted value opened on this line runs over " + (line - startLine)
                    + " more line(s) without closing where it should: its quote is probably never closed";
        }
        if (reason == null && expected > 0 && values.size() != expected && line - 1 > startLine) {
            reason = "a quoted value runs from line " + startLine + " over " + (line - 1 - startLine)
                    + " more line(s) and leaves " + values.size() + " values instead of " + expected
                    + ": its quote is probably never closed";
        }
        if (reason != null) {
            restartAfter(startPos, startLine);
            return new Malformed(startLine, reason);
        }
        return new Csv(List.copyOf(values), startLine, pos >= text.length() && !endsWithBreak() ? line : line - 1);
    }

    /** Reads a quoted value from the opening quote on; null when it closed, else why not. */
    private String quoted(StringBuilder value) {
        pos++; // opening quote
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                if (pos < text.length() && text.charAt(pos) == '"') {
                    value.append('"');
                    pos++;
                } else {
                    return null;
                }
            } else {
                if (c == '\n') {
                    line++;
                }
                value.append(c);
            }
        }
        return "a quote opened here is never closed (the rest of the file would have been read as one value)";
    }

    /** Resumes at the line after {@code startLine}: the broken record costs one line, no more. */
    private void restartAfter(int startPos, int startLine) {
        int newline = text.indexOf('\n', startPos);
        pos = newline < 0 ? text.length() : newline + 1;
        line = startLine + 1;
    }

    private void skipBlankLines() {
        while (pos < text.length()) {
            int end = text.indexOf('\n', pos);
            int stop = end < 0 ? text.length() : end;
            if (!text.substring(pos, stop).isBlank()) {
                return;
            }
            pos = end < 0 ? text.length() : end + 1;
            if (end >= 0) {
                line++;
            }
        }
    }

    private void skipSpaces() {
        while (pos < text.length() && isSpace(text.charAt(pos))) {
            pos++;
        }
    }

    private boolean endsWithBreak() {
        return !text.isEmpty() && text.charAt(text.length() - 1) == '\n';
    }

    private boolean isSpace(char c) {
        return c == ' ' || c == '\t' && separator != '\t';
    }

    private boolean isSeparator(char c) {
        return c == separator || c == '\n' || c == '\r';
    }
}
