package org.gridcommand.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** OWASP's CSV-injection rule, cell by cell, and the cells read back through {@link CsvText}. */
class CsvCellsTest {
    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "+1", "-1+2", "@SUM(A1)", "\t=1", "\r=1", "\0=1", " =1", "  -x", "\u3000=1",
            "\u00A0+1", "\"=1", "'=1", "\n=1", "\" =1"})
    void textAFormulaWouldStartWithGetsALeadingQuote(String hostile) {
        assertThat(CsvCells.startsLikeFormula(hostile)).isTrue();
        assertThat(CsvCells.neutralised(hostile)).isEqualTo("'" + hostile);
        assertThat(readBack(CsvCells.text(hostile))).isEqualTo("'" + hostile);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "一社区西片", "Community 1", "a=b", "x-1", "1-2", "3.5", "'quoted", " ", "e@mail"})
    void ordinaryTextIsLeftAlone(String text) {
        assertThat(CsvCells.startsLikeFormula(text)).isFalse();
        assertThat(CsvCells.neutralised(text)).isEqualTo(text);
    }

    @Test
    void cellsThatNeedItAreQuotedWithTheirQuotesDoubled() {
        assertThat(CsvCells.text("西片, \"东\"\r\n片")).isEqualTo("\"西片, \"\"东\"\"\r\n片\"");
        assertThat(CsvCells.text("=A1,\"x\"")).isEqualTo("\"'=A1,\"\"x\"\"\"");
        assertThat(CsvCells.text(null)).isEmpty();
        assertThat(readBack(CsvCells.text("西片, \"东\"\n片"))).isEqualTo("西片, \"东\"\n片");
    }

    @Test
    void figuresStayNumbersOnlyWhenTheyArePlainNumbers() {
        for (String figure : List.of("0", "42", "-3", "-3.5", "41.7%", "-12.5%")) {
            assertThat(CsvCells.figure(figure)).as(figure).isEqualTo(figure);
        }
        assertThat(CsvCells.figure("-1+2")).isEqualTo("'-1+2");
        assertThat(CsvCells.figure("-3.5e2")).isEqualTo("'-3.5e2");
        assertThat(CsvCells.figure("—")).isEqualTo("—");
        assertThat(CsvCells.figure("72.5*")).isEqualTo("72.5*");
        assertThat(CsvCells.figure("1,000")).isEqualTo("\"1,000\"");
    }

    /** One cell as a header-less file, read by the project's own CSV reader. */
    private static String readBack(String cell) {
        List<CsvText.Row> rows = new CsvText("h,x\r\n" + cell + ",end\r\n").rows();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).fields()).hasSize(2).endsWith("end");
        return rows.get(1).fields().get(0);
    }
}
