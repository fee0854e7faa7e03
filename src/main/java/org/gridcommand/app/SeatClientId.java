package org.gridcommand.app;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The seat's own MQTT client id, under which the broker keeps the seat's persistent session (its subscription and
 * the QoS 1 messages that arrive while the console is away). Random, made once per seat and kept in the data
 * folder ({@value #FILE}), so the seat finds its session again after every restart and nobody outside can work
 * it out (an id derived from the folder's path could be, and on a broker that keys sessions by client id alone,
 * whoever connects with the seat's id takes its session and its waiting messages). The shipped Mosquitto
 * configuration goes further and replaces every client id by the account name (docs/broker.md); this id is what
 * protects the seat on a broker that does not.
 *
 * <p>The file is made owner-only (0600 where the platform has POSIX permissions: {@link Files#createTempFile}
 * creates it so) and written whole through a temporary file and an atomic move. A file that does not hold an id
 * of this form (edited by hand, damaged) is moved aside to {@value #FILE}{@value #DAMAGED_SUFFIX} and replaced by
 * a new id, with a sentence saying so: the feed must keep running, and a new session loses at most the messages
 * queued for the old one (the old id stays in the moved file for an administrator to recover them with
 * {@code clientId} in feed.json). Never throws: when nothing can be written, the seat runs with an id of its own
 * for this run and the sentence says that too. feed.json's {@code clientId}, when given, is used instead
 * ({@link FeedConfig#settingsForSeat}).
 */
public final class SeatClientId {
    public static final String FILE = "feed-client-id.txt";
    static final String DAMAGED_SUFFIX = ".damaged";
    static final String PREFIX = "gc-seat-";
    /** 15 of 36 characters (about 77 random bits), so the whole id is 23 characters: MQTT 3.1.1's guaranteed length. */
    private static final int RANDOM_CHARS = 15;
    /** The id, a line end, room for an editor's stray whitespace: anything larger is not one of ours. */
    private static final long MAX_FILE_BYTES = 256;
    private static final String ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";
    private static final Pattern FORM = Pattern.compile(Pattern.quote(PREFIX) + "[0-9a-z]{" + RANDOM_CHARS + "}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final System.Logger LOG = System.getLogger(SeatClientId.class.getName());

    private SeatClientId() {
    }

    /** The id in force and, when the kept file could not be used as it was, what happened instead. */
    public record Loaded(String id, Optional<String> problem) {
    }

    /** The seat's id from its data folder, made and kept there on first use; {@code null} folder: a new id each run. */
    public static Loaded load(Path dataDir) {
        if (dataDir == null) {
            return new Loaded(newId(), Optional.empty());
        }
        Path file = dataDir.resolve(FILE);
        String kept;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                return keep(file, newId(), file + " is " + Files.size(file) + " bytes, far more than a client id");
            }
            kept = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (NoSuchFileException e) {
            return keep(file, newId(), null);
        } catch (IOException e) {
            return keep(file, newId(), file + " could not be read (" + reason(e) + ")");
        }
        if (FORM.matcher(kept).matches()) {
            return new Loaded(kept, Optional.empty());
        }
        return keep(file, newId(), file + " does not hold a seat client id (" + PREFIX + " and "
                + RANDOM_CHARS + " of a-z 0-9)");
    }

    /** Writes a new id (moving a damaged file aside first); falls back to the id for this run only. */
    private static Loaded keep(Path file, String id, String damage) {
        String problem = damage;
        try {
            if (damage != null) {
                Path aside = file.resolveSibling(file.getFileName() + DAMAGED_SUFFIX);
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
                problem = damage + "; it is kept as " + aside.getFileName() + " and the seat has the new client id "
                        + id + " (messages the broker kept for the old one are not delivered to the new one)";
            }
            writeAtomically(file, id + "\n");
        } catch (IOException e) {
            problem = (damage != null ? damage + "; " : "") + "the seat's MQTT client id cannot be kept in " + file
                    + " (" + reason(e) + "): this run uses " + id + ", and the next run another one";
        }
        if (problem != null) {
            LOG.log(System.Logger.Level.WARNING, "field feed: " + problem);
        }
        return new Loaded(id, Optional.ofNullable(problem));
    }

    private static void writeAtomically(Path file, String text) throws IOException {
        // createTempFile makes the file rw------- where there are POSIX permissions; the move keeps them.
        Path temp = Files.createTempFile(file.getParent(), file.getFileName() + ".", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                // On disk before the move makes it the file: otherwise a power cut can leave an empty one.
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static String reason(IOException e) {
        if (e instanceof CharacterCodingException) {
            return "not UTF-8 text";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    static String newId() {
        StringBuilder id = new StringBuilder(PREFIX);
        for (int i = 0; i < RANDOM_CHARS; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }
}
