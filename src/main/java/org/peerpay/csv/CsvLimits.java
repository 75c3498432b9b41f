package org.peerpay.csv;

/**
 * How far one record may run. A quoted cell may hold line breaks, so one stray quote would otherwise swallow the
 * rest of the file as a single cell; past these bounds the record is refused and reading resumes at the line after
 * the one it started on, so every later row is still read.
 *
 * @param maxLines      lines one record may span (a quoted cell with line breaks in it)
 * @param maxCharacters characters one record may hold, line breaks included
 */
public record CsvLimits(int maxLines, int maxCharacters) {

    /** Twenty lines and a million characters (1 Mi): far beyond any real row, header or notes cell. */
    public static final CsvLimits DEFAULT = new CsvLimits(20, 1 << 20);

    public CsvLimits {
        if (maxLines < 1 || maxCharacters < 1) {
            throw new IllegalArgumentException("a record must be allowed at least one line and one character (was "
                    + maxLines + " lines, " + maxCharacters + " characters)");
        }
    }

    String said() {
        return maxLines + " lines or " + maxCharacters + " characters";
    }
}
