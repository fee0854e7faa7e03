package org.gridcommand.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcommand.video.VideoFx.onFx;
import static org.gridcommand.video.VideoFx.waitUntil;

import org.junit.jupiter.api.Test;

class VideoWallTest extends LiveVideoTest {
    @Test
    void twoByTwoWallPlaysFourClipsInEqualTiles() throws Exception {
        VideoWall wall = onFx(() -> new VideoWall(engine, VideoFx.KEYS, 2, 2));
        stage = VideoFx.showStage(wall, 800, 450);

        onFx(() -> {
            for (int i = 0; i < 4; i++) {
                wall.assign(i, "CAM " + (i + 1), "asset:demo/clips/clip-" + (i + 1) + ".mp4");
            }
        });

        for (VideoTile tile : wall.tiles()) {
            assertThat(waitUntil(VideoFx.FX_TIMEOUT,
                    () -> tile.framesRendered() > 10 && VideoFx.state(tile) == TileState.PLAYING))
                    .as("tile frames %d", tile.framesRendered()).isTrue();
        }
        double w0 = onFx(() -> wall.tile(0).getWidth());
        double h0 = onFx(() -> wall.tile(0).getHeight());
        for (VideoTile tile : wall.tiles()) {
            assertThat(onFx(tile::getWidth)).isCloseTo(w0, org.assertj.core.data.Offset.offset(1.0));
            assertThat(onFx(tile::getHeight)).isCloseTo(h0, org.assertj.core.data.Offset.offset(1.0));
        }
        assertThat(w0).isGreaterThan(350);
        assertThat(engine.openPlayers()).isEqualTo(4);

        onFx(wall::clearAll);
        assertThat(waitUntil(VideoFx.FX_TIMEOUT, () -> engine.openPlayers() == 0)).isTrue();
    }
}
