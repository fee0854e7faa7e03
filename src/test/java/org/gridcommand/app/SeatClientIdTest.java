package org.gridcommand.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.EnumSet;
import org.gridcommand.feed.mqtt.MqttSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seat's MQTT client id: random per seat, made once, kept owner-only, and a damaged file replaced in words. */
class SeatClientIdTest {
    private static final String FORM = "gc-seat-[0-9a-z]{15}";

    @Test
    void theFirstStartMakesARandomIdAndEveryLaterStartFindsTheSameOne(@TempDir Path seat) throws Exception {
        SeatClientId.Loaded first = SeatClientId.load(seat);
        assertThat(first.id()).matches(FORM).hasSize(23);
        assertThat(first.problem()).isEmpty();
        assertThat(Files.readString(seat.resolve(SeatClientId.FILE)).strip()).isEqualTo(first.id());

        SeatClientId.Loaded again = SeatClientId.load(seat);
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.problem()).isEmpty();
        try (var files = Files.list(seat)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly(SeatClientId.FILE);
        }
    }

    @Test
    void twoSeatsWithTheSameFolderNameElsewhereGetDifferentIds(@TempDir Path root) throws Exception {
        // The old id was a hash of the folder's path: predictable. Now equal paths on two machines differ too.
        Path a = Files.createDirectories(root.resolve("a/seat"));
        Path b = Files.createDirectories(root.resolve("b/seat"));
        assertThat(SeatClientId.load(a).id()).isNotEqualTo(SeatClientId.load(b).id());
    }

    @Test
    void theFileIsReadableByItsOwnerOnly(@TempDir Path seat) throws Exception {
        SeatClientId.load(seat);
        PosixFileAttributeView posix = Files.getFileAttributeView(seat.resolve(SeatClientId.FILE),
                PosixFileAttributeView.class);
        assertThat(posix).as("this test runs where files have POSIX permissions (the centre's Linux seats)").isNotNull();
        assertThat(posix.readAttributes().permissions())
                .isEqualTo(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    }

    @Test
    void anEditorsLineEndOrSpacesAroundTheIdAreNoDamage(@TempDir Path seat) throws Exception {
        Files.writeString(seat.resolve(SeatClientId.FILE), "  gc-seat-0123456789abcde\r\n\n");
        SeatClientId.Loaded loaded = SeatClientId.load(seat);
        assertThat(loaded.id()).isEqualTo("gc-seat-0123456789abcde");
        assertThat(loaded.problem()).isEmpty();
    }

    @Test
    void aDamagedFileIsMovedAsideAndReplacedWithASentence(@TempDir Path seat) throws Exception {
        Path file = seat.resolve(SeatClientId.FILE);
        for (byte[] damaged : new byte[][] {
                new byte[0],
                "gc-seat-0123".getBytes(StandardCharsets.UTF_8),
                "gc-seat-0123456789ABCDE".getBytes(StandardCharsets.UTF_8),
                {(byte) 0xff, (byte) 0xfe, 0, 1},
                "gc-seat-0123456789abcde\n".repeat(20).getBytes(StandardCharsets.UTF_8)}) {
            Files.write(file, damaged);
            SeatClientId.Loaded loaded = SeatClientId.load(seat);

            assertThat(loaded.id()).matches(FORM);
            assertThat(loaded.problem()).as("for %d damaged bytes", damaged.length).hasValueSatisfying(p -> assertThat(p)
                    .contains(file.toString()).contains("kept as " + SeatClientId.FILE + ".damaged")
                    .contains("new client id " + loaded.id()));
            assertThat(Files.readAllBytes(seat.resolve(SeatClientId.FILE + ".damaged"))).isEqualTo(damaged);
            assertThat(SeatClientId.load(seat)).isEqualTo(new SeatClientId.Loaded(loaded.id(), java.util.Optional.empty()));
        }
    }

    @Test
    void aFolderWhereNothingCanBeWrittenStillGivesTheFeedAnIdAndSaysItIsNotKept(@TempDir Path root) throws Exception {
        // A plain file where the data folder should be: nothing can be created in it, even by root.
        Path notAFolder = Files.writeString(root.resolve("seat"), "x");
        SeatClientId.Loaded loaded = SeatClientId.load(notAFolder);
        assertThat(loaded.id()).matches(FORM);
        assertThat(loaded.problem()).hasValueSatisfying(p -> assertThat(p).contains("cannot be kept in")
                .contains("Not a directory").contains("this run uses " + loaded.id()));
    }

    @Test
    void withoutADataFolderEveryRunHasAnIdOfItsOwn() {
        SeatClientId.Loaded one = SeatClientId.load(null);
        assertThat(one.id()).matches(FORM);
        assertThat(one.problem()).isEmpty();
        assertThat(SeatClientId.load(null).id()).isNotEqualTo(one.id());
    }

    @Test
    void feedJsonsClientIdWinsAndThenNoIdFileIsMade(@TempDir Path seat) throws Exception {
        Files.writeString(seat.resolve(FeedConfig.FILE), "{\"broker\":\"tcp://127.0.0.1:1883\",\"clientId\":\"gc-seat-07\"}");
        MqttSettings named = FeedConfig.load(seat).orElseThrow().settingsForSeat(seat, "gc/v1/440402/+/+");
        assertThat(named.clientId()).isEqualTo("gc-seat-07");
        assertThat(seat.resolve(SeatClientId.FILE)).doesNotExist();

        Files.writeString(seat.resolve(FeedConfig.FILE), "{\"broker\":\"tcp://127.0.0.1:1883\"}");
        MqttSettings own = FeedConfig.load(seat).orElseThrow().settingsForSeat(seat, "gc/v1/440402/+/+");
        assertThat(own.clientId()).matches(FORM).isEqualTo(SeatClientId.load(seat).id());
    }
}
