package org.gridcommand.camera;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.gridcommand.camera.CameraStatus.State;
import org.junit.jupiter.api.Test;

class CameraStatusBoardTest {
    private static final Instant T0 = Instant.parse("2026-11-27T00:45:00Z");
    private static final String CAM = "44040210001327000001";

    @Test
    void anUnknownCameraIsNeverSeen() {
        CameraStatusBoard board = new CameraStatusBoard();
        assertThat(board.status(CAM)).isEqualTo(CameraStatus.NEVER_SEEN);
        assertThat(board.snapshot()).isEmpty();
        assertThat(board.signalLost(CAM, T0)).isEqualTo(CameraStatus.NEVER_SEEN);
        assertThat(board.snapshot()).as("a never-seen camera takes no room").isEmpty();
    }

    @Test
    void listenersHearChangesOfStateNotEveryFrame() {
        CameraStatusBoard board = new CameraStatusBoard();
        List<CameraStatusBoard.Change> changes = Collections.synchronizedList(new ArrayList<>());
        Runnable unsubscribe = board.subscribe(changes::add);

        board.frameSeen(CAM, T0);
        board.frameSeen(CAM, T0.plusSeconds(1));
        board.frameSeen(CAM, T0.plusSeconds(2));
        board.signalLost(CAM, T0.plusSeconds(10));
        board.signalLost(CAM, T0.plusSeconds(20));
        board.frameSeen(CAM, T0.plusSeconds(30));

        assertThat(changes).extracting(c -> c.before().state() + "→" + c.after().state())
                .containsExactly("NEVER_SEEN→ONLINE", "ONLINE→LOST", "LOST→ONLINE");
        assertThat(changes.get(1).after()).isEqualTo(CameraStatus.lost(T0.plusSeconds(10), T0.plusSeconds(2)));
        assertThat(board.version()).isEqualTo(3);
        assertThat(board.status(CAM)).isEqualTo(CameraStatus.online(T0.plusSeconds(30), T0.plusSeconds(30)));

        unsubscribe.run();
        board.signalLost(CAM, T0.plusSeconds(40));
        assertThat(changes).hasSize(3);
        assertThat(board.version()).isEqualTo(4);
    }

    @Test
    void aFailingListenerDoesNotStopTheOthers() {
        CameraStatusBoard board = new CameraStatusBoard();
        List<String> heard = new ArrayList<>();
        board.subscribe(c -> {
            throw new IllegalStateException("broken view");
        });
        board.subscribe(c -> heard.add(c.cameraId()));
        assertThat(board.frameSeen(CAM, T0).state()).isEqualTo(State.ONLINE);
        assertThat(heard).containsExactly(CAM);
    }

    @Test
    void forgottenCamerasReadAsNeverSeen() {
        CameraStatusBoard board = new CameraStatusBoard();
        board.frameSeen(CAM, T0);
        board.frameSeen("other", T0);
        board.forget(CAM);
        assertThat(board.status(CAM)).isEqualTo(CameraStatus.NEVER_SEEN);
        assertThat(board.snapshot()).containsOnlyKeys("other");
    }

    /** Many reporting threads, one camera each and one shared: every camera ends online at its latest frame. */
    @Test
    void concurrentReportsEndInTheLatestState() throws Exception {
        CameraStatusBoard board = new CameraStatusBoard();
        int threads = 8;
        int frames = 5_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int k = 0; k < threads; k++) {
                String own = "cam-" + k;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 1; i <= frames; i++) {
                        board.frameSeen(own, T0.plusMillis(i));
                        board.frameSeen("shared", T0.plusMillis(i));
                        if (i % 1000 == 0) {
                            board.signalLost(own, T0.plusMillis(i));
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        for (int k = 0; k < threads; k++) {
            assertThat(board.status("cam-" + k)).isEqualTo(CameraStatus.lost(T0.plusMillis(frames), T0.plusMillis(frames)));
        }
        CameraStatus shared = board.status("shared");
        assertThat(shared.state()).isEqualTo(State.ONLINE);
        assertThat(shared.lastFrame()).isEqualTo(T0.plusMillis(frames));
        assertThat(shared.since()).isEqualTo(T0.plusMillis(1));
    }
}
