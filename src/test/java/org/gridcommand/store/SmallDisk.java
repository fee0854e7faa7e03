package org.gridcommand.store;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real small disk for the full-disk tests: a tmpfs of a few megabytes mounted on a fresh folder, a filler
 * file that takes every byte left, and unmounted on close. Mounting needs root (CI runs as root): without it
 * the test fails with a sentence saying so, never skips.
 */
public final class SmallDisk implements AutoCloseable {
    private final Path root;
    private final Path filler;
    private boolean mounted;

    private SmallDisk(Path root) {
        this.root = root;
        this.filler = root.resolve("filler.bin");
    }

    /** Mounts a tmpfs of {@code megabytes} on a new temporary folder. */
    public static SmallDisk mount(int megabytes) throws IOException {
        SmallDisk disk = new SmallDisk(Files.createTempDirectory("gc-small-disk"));
        try {
            disk.run("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m", "tmpfs", disk.root.toString());
        } catch (IOException | AssertionError e) {
            Files.deleteIfExists(disk.root);
            throw e;
        }
        disk.mounted = true;
        return disk;
    }

    public Path root() {
        return root;
    }

    /** Takes every byte still free (the filler grows until the disk says it is full); returns the bytes taken. */
    public long fill() throws IOException {
        long taken = 0;
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(filler, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            while (true) {
                out.write(block);
                taken += block.length;
            }
        } catch (IOException full) {
            if (!String.valueOf(full.getMessage()).contains("No space left on device")) {
                throw full;
            }
            return taken;
        }
    }

    /** Takes every byte but about {@code keepFree}: the next writer fills the disk itself. */
    public void fillAllBut(long keepFree) throws IOException {
        long taken = fill();
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(filler,
                StandardOpenOption.WRITE)) {
            channel.truncate(Math.max(0, taken - keepFree));
        }
    }

    /** Gives back what {@link #fill()} took. */
    public void free() throws IOException {
        Files.deleteIfExists(filler);
    }

    /** Makes the disk larger while it is in use, as an administrator adding room would. */
    public void resize(int megabytes) throws IOException {
        run("mount", "-o", "remount,size=" + megabytes + "m", root.toString());
    }

    /** Remounts the disk read-only (as the kernel does after a disk error) or writable again. */
    public void readOnly(boolean readOnly) throws IOException {
        run("mount", "-o", readOnly ? "remount,ro" : "remount,rw", root.toString());
    }

    public long usableBytes() throws IOException {
        return Files.getFileStore(root).getUsableSpace();
    }

    @Override
    public void close() throws IOException {
        if (mounted) {
            mounted = false;
            run("umount", root.toString());
        }
        Files.deleteIfExists(root);
    }

    private void run(String... command) throws IOException {
        List<String> line = new ArrayList<>(List.of(command));
        Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail(String.join(" ", line) + " did not finish within a minute");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + String.join(" ", line), e);
        }
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (p.exitValue() != 0) {
            fail("this test needs a real small disk: `" + String.join(" ", line) + "` failed (exit " + p.exitValue()
                    + ": " + said + "); run the tests as root, as CI does, so that a tmpfs can be mounted");
        }
    }
}
