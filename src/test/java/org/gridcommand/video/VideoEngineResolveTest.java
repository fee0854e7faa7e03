package org.gridcommand.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.gridcommand.video.VideoEngine.Reason;
import org.junit.jupiter.api.Test;

/** URL resolution needs no libVLC, so it is checked on a (simulated) unavailable engine. */
class VideoEngineResolveTest {
    private final VideoEngine engine = VideoEngine.unavailable(Reason.LIBVLC_NOT_FOUND, "simulated");

    @Test
    void assetUrlBecomesAbsolutePathOfAnExistingClip() {
        String mrl = engine.resolveMrl("asset:demo/clips/clip-1.mp4");

        Path path = Path.of(mrl);
        assertThat(path).isAbsolute().isRegularFile();
        assertThat(path.getFileName().toString()).isEqualTo("clip-1.mp4");
    }

    @Test
    void allFourDemoClipsExistAndAreSmall() throws Exception {
        for (int i = 1; i <= 4; i++) {
            Path clip = Path.of(engine.resolveMrl("asset:demo/clips/clip-" + i + ".mp4"));
            assertThat(Files.size(clip)).as(clip.toString()).isBetween(10_000L, 420_000L);
        }
    }

    @Test
    void networkAndFileUrlsPassThrough() {
        assertThat(engine.resolveMrl("udp://@:5004")).isEqualTo("udp://@:5004");
        assertThat(engine.resolveMrl(" http://10.0.0.8/live.ts ")).isEqualTo("http://10.0.0.8/live.ts");
        assertThat(engine.resolveMrl("rtsp://10.0.0.9/main")).isEqualTo("rtsp://10.0.0.9/main");
        assertThat(engine.resolveMrl("file:///tmp/x.mp4")).isEqualTo("file:///tmp/x.mp4");
    }

    @Test
    void badAssetUrlsAreRejected() {
        assertThatThrownBy(() -> engine.resolveMrl("asset:demo/clips/none.mp4"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not found");
        assertThatThrownBy(() -> engine.resolveMrl("asset:../pom.xml"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("leaves");
        assertThatThrownBy(() -> engine.resolveMrl(" "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void networkDetection() {
        assertThat(VideoEngine.isNetwork("udp://@:5004")).isTrue();
        assertThat(VideoEngine.isNetwork("RTSP://cam/main")).isTrue();
        assertThat(VideoEngine.isNetwork("/opt/gc/assets/demo/clips/clip-1.mp4")).isFalse();
    }
}
