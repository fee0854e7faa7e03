package org.gridcommand.ui.alert;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.SourceDataLine;
import org.gridcommand.fx.FxThread;

/**
 * A short two-tone chime for a new urgent case, made in code (no sound file to lose) and played on its
 * own thread. A seat without a sound device logs that once and stays silent: the banner still shows.
 */
public final class AlertTone {
    private static final System.Logger LOG = System.getLogger(AlertTone.class.getName());
    private static final float RATE = 44_100f;
    // One player thread: a burst of urgent cases chimes one after the other instead of all at once.
    private static final ExecutorService PLAYER = Executors.newSingleThreadExecutor(FxThread.daemonThreads("gc-alert-tone"));
    private static final AtomicBoolean SILENCE_LOGGED = new AtomicBoolean();

    private byte[] pcm;

    /** Plays the chime without waiting; never throws. */
    public void play() {
        PLAYER.execute(this::playNow);
    }

    private void playNow() {
        if (pcm == null) {
            pcm = chime();
        }
        AudioFormat format = new AudioFormat(RATE, 16, 1, true, false);
        try (SourceDataLine line = AudioSystem.getSourceDataLine(format)) {
            line.open(format, pcm.length);
            line.start();
            line.write(pcm, 0, pcm.length);
            line.drain();
        } catch (Exception | LinkageError e) {
            if (SILENCE_LOGGED.compareAndSet(false, true)) {
                LOG.log(System.Logger.Level.WARNING, "no sound device for the urgent-case chime ("
                        + e.getClass().getSimpleName() + ": " + e.getMessage() + "); the banner alone will show");
            }
        }
    }

    /** Three rising two-note beeps (880 Hz then 1320 Hz), 16-bit signed little-endian mono PCM. */
    static byte[] chime() {
        double[][] notes = {{880, 0.14}, {1320, 0.18}, {0, 0.10}, {880, 0.14}, {1320, 0.18}, {0, 0.10},
                {880, 0.14}, {1320, 0.24}};
        int total = 0;
        for (double[] n : notes) {
            total += (int) (n[1] * RATE);
        }
        byte[] out = new byte[total * 2];
        int at = 0;
        for (double[] n : notes) {
            int samples = (int) (n[1] * RATE);
            int fade = (int) (0.01 * RATE);
            for (int i = 0; i < samples; i++) {
                double envelope = Math.min(1.0, Math.min(i, samples - 1 - i) / (double) fade);
                double v = n[0] == 0 ? 0 : Math.sin(2 * Math.PI * n[0] * i / RATE) * envelope * 0.6;
                short s = (short) Math.round(v * Short.MAX_VALUE);
                out[at++] = (byte) (s & 0xff);
                out[at++] = (byte) ((s >> 8) & 0xff);
            }
        }
        return out;
    }
}
