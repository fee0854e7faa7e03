package org.gridcommand.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.util.concurrent.TimeUnit;

/** Live camera stand-ins made by ffmpeg on this machine; a missing ffmpeg fails the test (never skips it). */
final class LiveStreams {
    private LiveStreams() {
    }

    static int freeUdpPort() throws Exception {
        try (DatagramSocket socket = new DatagramSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** MPEG-TS over UDP to 127.0.0.1:port, 640×360@25 test pattern, a key frame every second. */
    static Process startUdp(int port) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin",
                "-re", "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25",
                "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-g", "25",
                "-f", "mpegts", "udp://127.0.0.1:" + port + "?pkt_size=1316");
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        try {
            Process process = builder.start();
            // A missing encoder or bad option ends ffmpeg at once; fail here rather than as "no frames". A
            // healthy ffmpeg never exits, so this waits out the 300 ms only when all is well.
            assertThat(process.waitFor(300, java.util.concurrent.TimeUnit.MILLISECONDS)).as("ffmpeg exited at once").isFalse();
            assertThat(process.isAlive()).as("ffmpeg exited: %s", process.isAlive() ? "" : process.exitValue()).isTrue();
            return process;
        } catch (java.io.IOException e) {
            // A missing ffmpeg is a broken test machine, not a reason to skip: fail with the fix.
            throw new AssertionError("ffmpeg not runnable (sudo apt-get install ffmpeg): " + e.getMessage(), e);
        }
    }

    /** Kills the stream the way a camera dies: at once, no goodbye. */
    static void kill(Process process) throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    static void stop(Process process) throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }
}
