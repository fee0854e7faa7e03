package org.gridcommand.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gridcommand.common.AssetLocator;
import org.gridcommand.common.ChangeBus;
import org.gridcommand.demo.DemoSeeder;
import org.gridcommand.store.Database;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `address validate|import|search` against a real H2 store holding the demo district: the shipped register is clean
 * and already in a demo store, a bad file changes nothing, a search prints the best match with its grid and score.
 */
class AddressCommandTest {
    @TempDir
    static Path dataDir;
    @TempDir
    static Path files;

    @BeforeAll
    static void aDemoStore() {
        // The first command on an empty store loads the demo district, with its register, as `demo` would.
        GridsCli.Run first = GridsCli.run("address", "search", "金鼎路", "--data-dir", dataDir.toString());
        assertThat(first.out()).contains("the store was empty: loaded the demo district first");
    }

    @Test
    void theShippedRegisterValidatesCleanAgainstTheDemoDistrict() {
        GridsCli.Run run = GridsCli.run("address", "validate", AssetLocator.resolve(DemoSeeder.ADDRESS_FILE).toString(),
                "--data-dir", dataDir.toString());
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.lines()).containsExactly("3488 addresses: 0 errors, 0 warnings");
    }

    @Test
    void searchPrintsTheBestMatchFirstWithItsPointGridAndScore() {
        GridsCli.Run run = GridsCli.run("address", "search", "jdl", "28", "--limit", "3", "--data-dir", dataDir.toString());
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.lines()).hasSize(4);
        assertThat(run.lines().get(0)).startsWith("score").contains("address", "lon", "lat", "small grid", "code");
        assertThat(run.lines().get(1)).matches("9\\d\\s+唐家湾镇金鼎路28号\\s+113\\.\\d{6}\\s+22\\.\\d{6}\\s+"
                + "440402104\\d{6}\\s+\\d{16}");

        GridsCli.Run none = GridsCli.run("address", "search", "不存在的路", "99", "--data-dir", dataDir.toString());
        assertThat(none.exit()).isEqualTo(1);
        assertThat(none.out()).contains("no address matches \"不存在的路 99\"");
        assertThat(GridsCli.run("address", "search", "x", "--limit", "0", "--data-dir", dataDir.toString()).err())
                .contains("--limit must be from 1 to 100, not 0");
    }

    @Test
    void aBadFileImportsNothingAndAGoodOneIsMergedIntoTheRegister() throws Exception {
        long before = count();
        Path bad = files.resolve("bad.csv");
        Files.writeString(bad, "code,kind,road,number,lon,lat\nX1,house,新建路,8,113.58,22.36\nX2,house,,9,113.58,22.36\n",
                StandardCharsets.UTF_8);
        GridsCli.Run refused = GridsCli.run("address", "import", bad.toString(), "--data-dir", dataDir.toString());
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.lines()).contains("ERROR MISSING_PART line 3 (X2) road: a house address needs its road",
                "nothing imported: fix the errors above");
        assertThat(count()).as("all or nothing").isEqualTo(before);

        Path good = files.resolve("good.csv");
        Files.writeString(good, "code,kind,road,number,lon,lat\nX1,house,新建路,8,113.58,22.36\n", StandardCharsets.UTF_8);
        GridsCli.Run imported = GridsCli.run("address", "import", good.toString(), "--data-dir", dataDir.toString());
        assertThat(imported.exit()).as(imported.out() + imported.err()).isZero();
        assertThat(imported.out()).contains("1 added, 0 updated, 0 removed; the register holds " + (before + 1));
        GridsCli.Run found = GridsCli.run("address", "search", "新建路8号", "--data-dir", dataDir.toString());
        assertThat(found.lines().get(1)).contains("新建路8号", "440402104");

        assertThat(GridsCli.run("address", "import", files.resolve("missing.csv").toString(), "--data-dir",
                dataDir.toString()).exit()).isEqualTo(2);
    }

    private static long count() {
        try (Database db = Database.openH2(dataDir, new ChangeBus())) {
            return db.addresses().count();
        }
    }
}
