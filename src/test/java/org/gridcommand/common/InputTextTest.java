package org.gridcommand.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The one reading of data files that grids and cameras share: encodings, format, CSV and JSON errors. */
class InputTextTest {
    private static InputText utf8(String text, String source) {
        return InputText.decode(text.getBytes(StandardCharsets.UTF_8), source);
    }

    @Test
    void utf8WithABomAndGb18030AsExcelWritesItBothRead() {
        assertThat(utf8("\uFEFFname,code\n唐家,1\n", "a.csv").text()).isEqualTo("name,code\n唐家,1\n");
        InputText excel = InputText.decode("名称,编码\n唐家社区,1\n".getBytes(Charset.forName("GB18030")), "b.csv");
        assertThat(excel.text()).isEqualTo("名称,编码\n唐家社区,1\n");
    }

    @Test
    void theNameTellsTheFormatAndOtherwiseTheFirstCharacter() {
        assertThat(utf8("{}", "grids.csv").format()).isEqualTo(InputText.Format.CSV);
        assertThat(utf8("a,b", "grids.geojson").format()).isEqualTo(InputText.Format.JSON);
        assertThat(utf8("  [1]", "export").format()).isEqualTo(InputText.Format.JSON);
        assertThat(utf8("id,name", "export").format()).isEqualTo(InputText.Format.CSV);
    }

    @Test
    void aCsvHasItsHeaderLowerCasedAndNoBlankRows() throws InputText.Unreadable {
        InputText.Csv csv = utf8("Code;Name\n1;甲\n;\n\n2;乙\n", "x.csv").csv();
        assertThat(csv.names()).containsExactly("code", "name");
        assertThat(csv.column("wkt", "name")).isEqualTo(1);
        assertThat(csv.column("wkt")).isEqualTo(-1);
        assertThat(csv.rows()).extracting(CsvText.Row::line).containsExactly(2, 5);
        assertThat(csv.delimiter()).isEqualTo(';');
        assertThat(csv.writtenHeader()).isEqualTo("Code, Name");

        assertThatThrownBy(() -> utf8("", "x.csv").csv()).hasMessage("the file is empty");
        assertThatThrownBy(() -> utf8("a,b\n\"open", "x.csv").csv())
                .hasMessage("not a readable CSV: a quoted field opened on line 2 is never closed");
    }

    @Test
    void brokenJsonIsOneSentenceWithLineAndColumn() {
        assertThatThrownBy(() -> utf8("{\"a\": 1,\n \"b\": }", "x.json").json())
                .isInstanceOf(InputText.Unreadable.class)
                .hasMessageStartingWith("not valid JSON at line 2, column 7: ")
                .message().doesNotContain("Source").doesNotContain("Exception");
        assertThatThrownBy(() -> utf8("{} {}", "x.json").json()).hasMessageStartingWith("not valid JSON at line 1");
        assertThatThrownBy(() -> utf8("  ", "x.json").json()).hasMessage("the file is empty");
    }

    @Test
    void quotedTextStaysOneShortLine() {
        assertThat(InputText.printable("a\tb\u0000c")).isEqualTo("a\\u0009b\\u0000c");
        assertThat(InputText.printable(null)).isEmpty();
        assertThat(InputText.printable("网".repeat(130))).isEqualTo("网".repeat(120) + "…");
        assertThat(InputText.abbreviate("abcdefgh", 6)).isEqualTo("abc...");
    }
}
