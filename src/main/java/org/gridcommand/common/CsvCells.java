package org.gridcommand.common;

import java.util.regex.Pattern;

/**
 * Cells of the CSV files the console writes for people to open in Excel or WPS: the writing side of
 * {@link CsvText}, and the one place that knows how a cell turns on its reader.
 *
 * <p>A spreadsheet runs a cell whose text begins with {@code =}, {@code +}, {@code -} or {@code @} as a formula,
 * and a leading TAB or CR can hide such a start (OWASP, "CSV Injection"). Grid, category, worker and camera names
 * come from data and are hostile, so a {@linkplain #text text cell} that begins with one of those characters —
 * also after leading white space or quote characters, which spreadsheets skip — is written with a single quote
 * in front ({@code '=1+1}), which spreadsheets read as "this is text". NUL is treated like TAB and CR (OWASP ASVS
 * 1.2.10 lists it). A {@linkplain #figure figure} the console computed itself (a count, {@code -3.5}, {@code 41.7%})
 * is written as it is so it stays a number, but only when it really is a plain number; anything else given as a
 * figure is written by the text rule. Every cell is quoted as RFC 4180 asks when it holds a comma, a quote or a line
 * break, with quotes doubled.
 */
public final class CsvCells {
    /** RFC 4180's record separator, which Excel expects. */
    public static final String LINE_END = "\r\n";

    /** A plain decimal the spreadsheet reads as a number: optional minus, digits, optional fraction and per cent. */
    private static final Pattern FIGURE = Pattern.compile("-?\\d+(\\.\\d+)?%?");

    private CsvCells() {
    }

    /** A cell of text from data or from the console's own words: neutralised, then quoted if needed. */
    public static String text(String text) {
        return quoted(neutralised(text == null ? "" : text));
    }

    /** A cell the console computed as a number: as it is when it is a plain number, by the text rule otherwise. */
    public static String figure(String figure) {
        if (figure != null && FIGURE.matcher(figure).matches()) {
            return figure;
        }
        return text(figure);
    }

    /** The text with a leading single quote when a spreadsheet would take it as a formula; otherwise unchanged. */
    public static String neutralised(String text) {
        return startsLikeFormula(text) ? "'" + text : text;
    }

    /**
     * Whether a spreadsheet could read the text as a formula: it begins with TAB, CR or NUL, or its first character
     * after leading white space (including the ideographic space) and quote characters is {@code = + - @}.
     */
    public static boolean startsLikeFormula(String text) {
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '\t' || ch == '\r' || ch == '\0') {
                return true;
            }
            if (Character.isWhitespace(ch) || Character.isSpaceChar(ch) || ch == '"' || ch == '\'') {
                continue;
            }
            return ch == '=' || ch == '+' || ch == '-' || ch == '@';
        }
        return false;
    }

    private static String quoted(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }
}
