package org.peerpay.csv;

/** What is wrong with one cell: file, row (the header is row 1), column and what to do. */
public record CsvProblem(String file, long row, String column, String message) {

    @Override
    public String toString() {
        return file + " row " + row + ", column " + column + ": " + message;
    }
}
