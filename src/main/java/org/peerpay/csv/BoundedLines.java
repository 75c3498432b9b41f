package org.peerpay.csv;

import java.io.IOException;
import java.io.Reader;

/**
 * The lines of a text (ended by LF or CRLF), each cut at a bound so that a file with no line breaks cannot fill the
 * memory: the rest of an overlong line is read past and the line is marked {@link #overlong()}.
 */
final class BoundedLines {

    private final Reader in;
    private final int maxCharacters;
    private final char[] buffer = new char[1 << 16];
    private final StringBuilder line = new StringBuilder(256);
    private int position;
    private int limit;
    private boolean overlong;

    BoundedLines(Reader in, int maxCharacters) {
        this.in = in;
        this.maxCharacters = maxCharacters;
    }

    /** The next line without its line break, or null at the end of the text. */
    String next() throws IOException {
        line.setLength(0);
        overlong = false;
        boolean any = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return any ? ended() : null;
                }
            }
            any = true;
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            append(start, position);
            if (position < limit) {
                position++;
                return ended();
            }
        }
    }

    /** Whether the line last returned was longer than the bound (and was cut to it). */
    boolean overlong() {
        return overlong;
    }

    private void append(int from, int to) {
        int room = maxCharacters + 1 - line.length();
        if (to - from > room) {
            overlong = true;
            to = from + Math.max(room, 0);
        }
        line.append(buffer, from, to - from);
    }

    private String ended() {
        int length = line.length();
        if (length > 0 && line.charAt(length - 1) == '\r') {
            line.setLength(length - 1);
        }
        if (line.length() > maxCharacters) {
            overlong = true;
            line.setLength(maxCharacters);
        }
        return line.toString();
    }
}
