package org.gridcommand.ui.map.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.image.Image;
import org.gridcommand.geo.Datum;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An .mbtiles file made here with two PNG tiles: read back, y flipped, missing tiles quiet. */
@Tag("ui")
class MbTilesTileRetrieverTest {
    @TempDir
    Path temp;

    @BeforeAll
    static void toolkit() throws Exception {
        TileTestSupport.startToolkit();
    }

    /** Red at XYZ 1/0/0 (north-west), blue at XYZ 1/1/1 (south-east), one undecodable tile at 2/0/0. */
    private Path makeMbTiles(String name) throws Exception {
        Path file = temp.resolve(name);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement st = c.createStatement()) {
            st.executeUpdate("CREATE TABLE metadata (name TEXT, value TEXT)");
            st.executeUpdate("CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)");
            st.executeUpdate("INSERT INTO metadata VALUES ('name', 'Test base map'), ('format', 'png'),"
                    + " ('minzoom', '0'), ('maxzoom', '2'), ('attribution', 'test tiles')");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO tiles VALUES (?, ?, ?, ?)")) {
                insert(ps, 1, 0, 1, TileTestSupport.png(Color.RED));      // TMS row 1 = XYZ row 0
                insert(ps, 1, 1, 0, TileTestSupport.png(Color.BLUE));     // TMS row 0 = XYZ row 1
                insert(ps, 2, 0, 3, "not a png".getBytes());
            }
        }
        return file;
    }

    private static void insert(PreparedStatement ps, int z, int x, int tmsRow, byte[] data) throws Exception {
        ps.setInt(1, z);
        ps.setInt(2, x);
        ps.setInt(3, tmsRow);
        ps.setBytes(4, data);
        ps.executeUpdate();
    }

    @Test
    void servesTheStoredTilesWithTheTmsRowFlipped() throws Exception {
        try (MbTilesTileRetriever tiles = new MbTilesTileRetriever(makeMbTiles("a.mbtiles"))) {
            Image red = tiles.loadTile(1, 0, 0).get(10, TimeUnit.SECONDS);
            Image blue = tiles.loadTile(1, 1, 1).get(10, TimeUnit.SECONDS);
            assertThat(red).isNotNull();
            assertThat(red.getWidth()).isEqualTo(256);
            assertThat(TileTestSupport.rgb(red, 10, 10)).isEqualTo(0xFF0000);
            assertThat(TileTestSupport.rgb(red, 250, 250)).isEqualTo(0xFF0000);
            assertThat(blue).isNotNull();
            assertThat(TileTestSupport.rgb(blue, 128, 128)).isEqualTo(0x0000FF);
            assertThat(tiles.tilesServed()).isEqualTo(2);
            assertThat(tiles.metadata("name")).contains("Test base map");
            assertThat(tiles.minZoom()).isZero();
            assertThat(tiles.maxZoom()).isEqualTo(2);
        }
    }

    @Test
    void missingOutOfRangeAndBrokenTilesCompleteWithNullAndNeverThrow() throws Exception {
        try (MbTilesTileRetriever tiles = new MbTilesTileRetriever(makeMbTiles("b.mbtiles"))) {
            // Without the flip this would be the red tile.
            assertThat(tiles.loadTile(1, 0, 1).get(10, TimeUnit.SECONDS)).isNull();
            assertThat(tiles.loadTile(9, 0, 0).get(10, TimeUnit.SECONDS)).as("beyond maxzoom").isNull();
            assertThat(tiles.loadTile(1, 2, 0).get(10, TimeUnit.SECONDS)).as("column beyond the world").isNull();
            assertThat(tiles.loadTile(1, -1, 0).get(10, TimeUnit.SECONDS)).isNull();
            assertThat(tiles.loadTile(2, 0, 0).get(10, TimeUnit.SECONDS)).as("bytes that are no image").isNull();
            assertThat(tiles.tilesMissing()).isEqualTo(4);
            assertThat(tiles.failures()).isEqualTo(1);
            tiles.close();
            assertThat(tiles.loadTile(1, 0, 0).get(10, TimeUnit.SECONDS)).as("after close").isNull();
        }
    }

    @Test
    void aMissingOrForeignFileIsRefusedWithItsName() throws Exception {
        Path none = temp.resolve("none.mbtiles");
        assertThatThrownBy(() -> new MbTilesTileRetriever(none)).isInstanceOf(IOException.class).hasMessageContaining("none.mbtiles");
        Path text = Files.writeString(temp.resolve("text.mbtiles"), "hello, not SQLite");
        assertThatThrownBy(() -> new MbTilesTileRetriever(text)).isInstanceOf(IOException.class).hasMessageContaining("text.mbtiles");
    }

    @Test
    void tilesJsonConfiguresAnOfflineBaseMapWithItsDatum() throws Exception {
        makeMbTiles("xiangzhou.mbtiles");
        Files.writeString(temp.resolve(BaseTileConfig.FILE_NAME),
                "{\"type\": \"mbtiles\", \"path\": \"xiangzhou.mbtiles\", \"datum\": \"gcj02\"}");
        Optional<BaseTileSource> loaded = BaseTileConfig.load(temp);
        assertThat(loaded).isPresent();
        try (BaseTileSource source = loaded.get()) {
            assertThat(source.name()).isEqualTo("Test base map");
            assertThat(source.datum()).isEqualTo(Datum.GCJ02);
            assertThat(source.shiftsOverlay()).isTrue();
            assertThat(source.minZoom()).isZero();
            assertThat(source.maxZoom()).isEqualTo(2);
            assertThat(source.attribution()).isEqualTo("test tiles");
            Image red = source.retriever().loadTile(1, 0, 0).get(10, TimeUnit.SECONDS);
            assertThat(TileTestSupport.rgb(red, 0, 0)).isEqualTo(0xFF0000);
        }
    }

    @Test
    void noTilesJsonMeansNoBaseMapAndABrokenOneIsReportedNotThrown() throws Exception {
        assertThat(BaseTileConfig.load(temp)).isEmpty();
        Path config = Files.writeString(temp.resolve(BaseTileConfig.FILE_NAME), "{\"type\": \"mbtiles\", \"path\": \"gone.mbtiles\"}");
        assertThat(BaseTileConfig.load(temp)).isEmpty();
        assertThatThrownBy(() -> BaseTileConfig.read(config)).isInstanceOf(IOException.class).hasMessageContaining("gone.mbtiles");
        Files.writeString(config, "{\"type\": \"mbtiles\", ");
        assertThatThrownBy(() -> BaseTileConfig.read(config)).isInstanceOf(IOException.class).hasMessageContaining("not valid JSON");
        Files.writeString(config, "{\"type\": \"wms\"}");
        assertThatThrownBy(() -> BaseTileConfig.read(config)).hasMessageContaining("unknown \"type\" 'wms'");
        Files.writeString(config, "{\"type\": \"xyz\", \"template\": \"http://127.0.0.1:1/{z}/{x}/{y}.png\", \"datum\": \"mars\"}");
        assertThatThrownBy(() -> BaseTileConfig.read(config)).hasMessageContaining("\"datum\"").hasMessageContaining("mars");
    }
}
