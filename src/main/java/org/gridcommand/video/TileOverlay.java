package org.gridcommand.video;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.FontWeight;
import org.gridcommand.fx.Fonts;

/**
 * The words on a tile, on dark translucent plates so they read on any picture: the camera name (top left), a
 * clock (top right), and a state line with an optional detail line that says what the tile is doing — a small
 * corner tag while the picture is live, the tile's message in the middle otherwise. FX thread only.
 *
 * <p>UI strings come from the {@code text} function (missing keys fall back to English): the state's
 * {@link TileState#messageKey()}, {@code video.reconnect.waiting}, {@code video.reconnect.trying},
 * {@code video.unavailable.line}, {@code video.unavailable.install}, and the {@link VideoEngine.Reason#messageKey()}
 * of the engine's reason. Placeholders are {@code {0}}, {@code {1}}.
 */
final class TileOverlay {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter LOST_TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter LOST_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Color PLATE = Color.rgb(0, 0, 0, 0.62);
    private static final Color LOST_PLATE = Color.rgb(150, 0, 0, 0.78);

    /**
     * What the state line shows.
     *
     * @param nextAttemptSeconds the countdown to the scheduled reconnect attempt; empty when none is scheduled
     * @param reason             why video is unavailable (used for {@link TileState#UNAVAILABLE})
     */
    record Status(TileState state, Instant lostSince, int attempts, OptionalLong nextAttemptSeconds,
                  VideoEngine.Reason reason) {
    }

    private final Function<String, String> text;
    private final Label nameLabel = overlayLabel("video-tile-name");
    private final Label clockLabel = overlayLabel("video-tile-clock");
    private final Label stateLabel = overlayLabel("video-tile-state");
    private final Label detailLabel = overlayLabel("video-tile-detail");
    private final VBox statusBox = new VBox(2, stateLabel, detailLabel);
    private TileState renderedState;
    private double tileHeight;
    private double stateFontSize;
    private double nameFontSize = 14;

    TileOverlay(Function<String, String> text) {
        this.text = Objects.requireNonNull(text, "text");
        nameLabel.setFont(Fonts.of(FontWeight.BOLD, 14));
        StackPane.setAlignment(nameLabel, Pos.TOP_LEFT);
        StackPane.setAlignment(clockLabel, Pos.TOP_RIGHT);
        StackPane.setMargin(nameLabel, new Insets(4));
        StackPane.setMargin(clockLabel, new Insets(4));
        stateLabel.setFont(Fonts.of(FontWeight.BOLD, 14));
        detailLabel.setWrapText(true);
        statusBox.setFillWidth(false);
        statusBox.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        StackPane.setMargin(statusBox, new Insets(4));
    }

    /** The overlay's nodes, for a {@link StackPane} above the picture. */
    List<Node> nodes() {
        return List.of(nameLabel, clockLabel, statusBox);
    }

    void showCameraName(String name) {
        nameLabel.setText(name == null ? "" : name);
    }

    void showTime(ZonedDateTime now) {
        String shown = now.format(CLOCK);
        if (!shown.equals(clockLabel.getText())) {
            clockLabel.setText(shown);
        }
    }

    /**
     * Shows the status in words; cheap when only the countdown moved.
     *
     * @param now the wall time in the district's zone ("lost since" shows a date unless it was today)
     * @return whether the state differs from the one shown before (the tile restyles the picture then)
     */
    boolean showStatus(Status status, ZonedDateTime now) {
        TileState state = status.state();
        String headline = lookup(state.messageKey(), state.englishText());
        String detail = "";
        if (state == TileState.UNAVAILABLE) {
            // "video unavailable: libVLC 3 not found", then the command that fixes it.
            VideoEngine.Reason reason = status.reason();
            headline = fill(lookup("video.unavailable.line", "{0}: {1}"), headline,
                    lookup(reason.messageKey(), reason.englishText()));
            if (reason.installHelps()) {
                detail = lookup("video.unavailable.install", "Install with:") + " " + VideoEngine.INSTALL_COMMAND;
            }
        } else if (state == TileState.SIGNAL_LOST) {
            headline = fill(headline, lostSinceText(status.lostSince(), now));
            int attempts = status.attempts();
            if (status.nextAttemptSeconds().isPresent()) {
                detail = fill(lookup("video.reconnect.waiting", "next try in {0} s (attempt {1})"),
                        Long.toString(status.nextAttemptSeconds().getAsLong()), Integer.toString(attempts + 1));
            } else if (attempts > 0) {
                detail = fill(lookup("video.reconnect.trying", "reconnecting… (attempt {0})"),
                        Integer.toString(attempts));
            }
        }
        if (!headline.equals(stateLabel.getText())) {
            stateLabel.setText(headline);
        }
        if (!detail.equals(detailLabel.getText())) {
            detailLabel.setText(detail);
        }
        if (detailLabel.isVisible() != !detail.isEmpty()) {
            detailLabel.setVisible(!detail.isEmpty());
            detailLabel.setManaged(!detail.isEmpty());
        }
        if (state == renderedState) {
            return false; // the countdown tick: text only
        }
        renderedState = state;
        // Live video gets a small corner tag; anything else is the main message of the tile.
        StackPane.setAlignment(statusBox, state == TileState.PLAYING ? Pos.BOTTOM_LEFT : Pos.CENTER);
        stateLabel.setBackground(new Background(new BackgroundFill(state == TileState.SIGNAL_LOST ? LOST_PLATE : PLATE,
                new CornerRadii(3), Insets.EMPTY)));
        fitTo(tileHeight);
        return true;
    }

    /**
     * Sizes the words to the tile: the camera's name grows with it (a 4K wall's tiles are read from three metres),
     * and the state line, when it is the tile's message, is about a tenth of its height (14–40 px) so "signal
     * lost" reads from across the control room.
     */
    void fitTo(double height) {
        tileHeight = height;
        double nameSize = Math.max(14, Math.min(32, Math.floor(height / 16)));
        if (nameSize != nameFontSize) {
            nameFontSize = nameSize;
            nameLabel.setFont(Fonts.of(FontWeight.BOLD, nameSize));
        }
        double size = renderedState == TileState.PLAYING ? 14 : Math.max(14, Math.min(40, Math.floor(height / 10)));
        if (size != stateFontSize) {
            stateFontSize = size;
            stateLabel.setFont(Fonts.of(FontWeight.BOLD, size));
            detailLabel.setFont(Fonts.of(FontWeight.NORMAL, Math.max(12, Math.round(size * 0.55))));
        }
    }

    private static String lostSinceText(Instant since, ZonedDateTime now) {
        if (since == null) {
            return "";
        }
        ZonedDateTime at = since.atZone(now.getZone());
        boolean today = at.toLocalDate().equals(now.toLocalDate());
        return at.format(today ? LOST_TIME : LOST_DATE_TIME);
    }

    /** Replaces {0}, {1} … with the arguments (bundle texts are plain strings here, not MessageFormat). */
    private static String fill(String pattern, String... args) {
        String out = pattern;
        for (int i = 0; i < args.length; i++) {
            out = out.replace("{" + i + "}", args[i]);
        }
        return out;
    }

    private String lookup(String key, String english) {
        try {
            String value = text.apply(key);
            // Lookups mark a missing key as the key itself or "!key!" (Messages); both mean "not translated".
            boolean missing = value == null || value.isBlank() || value.equals(key) || value.equals("!" + key + "!");
            return missing ? english : value;
        } catch (RuntimeException e) {
            // A missing bundle entry must not take the wall down.
            return english;
        }
    }

    private static Label overlayLabel(String styleClass) {
        Label label = new Label();
        label.getStyleClass().add(styleClass);
        label.setTextFill(Color.WHITE);
        label.setBackground(new Background(new BackgroundFill(PLATE, new CornerRadii(3), Insets.EMPTY)));
        label.setPadding(new Insets(2, 6, 2, 6));
        label.setMouseTransparent(true);
        return label;
    }
}
