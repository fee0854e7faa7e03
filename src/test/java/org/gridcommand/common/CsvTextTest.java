package org.gridcommand.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The CSV both registry readers use: delimiters, quoting, line numbers, broken quotes. */
class CsvTextTest {
    @Test
    void quotedFieldsKeepDelimitersQuotesAndLineBreaksAndRowsKnowTheirLine() {
        CsvText csv = new CsvText("id,name,note\r\n1,\"Lane, 12\",\"say \"\"hi\"\"\"\r\n\r\n2,b,\"two\nlines\"\n3,c,");
        assertThat(csv.delimiter()).isEqualTo(',');
        List<CsvText.Row> rows = csv.rows();
        assertThat(rows).extracting(CsvText.Row::line).containsExactly(1, 2, 4, 6);
        assertThat(rows.get(1).fields()).containsExactly("1", "Lane, 12", "say \"hi\"");
        assertThat(rows.get(2).fields()).containsExactly("2", "b", "two\nlines");
        assertThat(rows.get(3).fields()).containsExactly("3", "c", "");
    }

    @Test
    void theHeaderDecidesTheDelimiter() {
        assertThat(new CsvText("a;b;c\n1;2;3").delimiter()).isEqualTo(';');
        assertThat(new CsvText("a\tb\n1\t2").rows().get(1).fields()).containsExactly("1", "2");
    }

    @Test
    void aQuoteThatNeverClosesIsNamedWithItsLine() {
        assertThatThrownBy(() -> new CsvText("a,b\n1,2\n3,\"open").rows()).isInstanceOf(CsvText.Unclosed.class)
                .hasMessage("a quoted field opened on line 3 is never closed");
    }
}
