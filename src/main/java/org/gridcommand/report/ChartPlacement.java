package org.gridcommand.report;

/**
 * Where the PDF drew one chart: its page (from 1) and its box in PDF points from the page's lower left corner. The
 * writer records these as it lays the pages out, so a check of the drawn picture knows where to look.
 */
public record ChartPlacement(String chart, int page, float left, float bottom, float width, float height) {
}
