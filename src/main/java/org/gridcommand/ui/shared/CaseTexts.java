package org.gridcommand.ui.shared;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.Category;
import org.gridcommand.cases.CategoryDictionary;
import org.gridcommand.common.Messages;
import org.gridcommand.grid.District;
import org.gridcommand.grid.GridWorker;
import org.gridcommand.grid.SmallGrid;
import org.gridcommand.sla.SlaState;
import org.gridcommand.sla.SlaStatus;
import org.gridcommand.sla.SlaView;

/**
 * Display text for cases, shared by the table, the detail pane, the dispatch list and the urgent banner, so
 * a case reads the same everywhere. Immutable after construction: rows are built on background threads.
 */
public final class CaseTexts {
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY_HH_MM = DateTimeFormatter.ofPattern("MM-dd HH:mm");
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Messages text;
    private final CategoryDictionary categories;
    private final ZoneId zone;
    private final Locale locale;
    private final Map<String, SmallGrid> grids = new HashMap<>();
    private final Map<String, GridWorker> workers = new HashMap<>();

    public CaseTexts(Messages text, CategoryDictionary categories, District district, ZoneId zone) {
        this.text = text;
        this.categories = categories;
        this.zone = zone;
        this.locale = text.locale();
        // The district's lists are scanned linearly; a thousand rows a reload want a map.
        district.smallGrids().forEach(g -> grids.put(g.code().value(), g));
        district.gridWorkers().forEach(w -> workers.put(w.id(), w));
    }

    public Messages messages() {
        return text;
    }

    public ZoneId zone() {
        return zone;
    }

    public String get(String key) {
        return text.get(key);
    }

    public String format(String key, Object... args) {
        return text.format(key, args);
    }

    public String categoryName(String code) {
        if (code == null) {
            return "";
        }
        return categories.find(code).map(c -> c.name().in(locale)).orElse(code);
    }

    /** "Major › minor" for the detail pane. */
    public String categoryPath(String code) {
        Optional<Category> c = categories.find(code);
        if (c.isEmpty() || c.get().isMajor()) {
            return categoryName(code);
        }
        return categoryName(c.get().majorCode()) + " › " + c.get().name().in(locale);
    }

    public String majorOf(String code) {
        return categories.find(code).map(c -> c.isMajor() ? c.code() : c.majorCode()).orElse("");
    }

    /** The number people read and say (440402-20261208-0042); the internal key only for a case not yet numbered. */
    public String number(Case c) {
        return c.number() != null ? c.number() : c.id();
    }

    public String gridName(Case c) {
        if (c.smallGridCode() == null) {
            return text.get("queue.outsideDistrict");
        }
        SmallGrid g = grids.get(c.smallGridCode());
        return g == null ? c.smallGridCode() : g.name().in(locale);
    }

    public Optional<SmallGrid> grid(String code) {
        return Optional.ofNullable(code == null ? null : grids.get(code));
    }

    public Optional<GridWorker> worker(String id) {
        return Optional.ofNullable(workers.get(id));
    }

    public String priority(Case c) {
        return text.get("priority." + c.priority().name());
    }

    public String state(Case c) {
        return text.get("state." + c.state().name());
    }

    public String channel(Case c) {
        return text.get("channel." + c.channel().name());
    }

    /** HH:mm for today (in the district), MM-dd HH:mm for older cases still open. */
    public String shortTime(Instant at, Instant now) {
        if (at == null) {
            return "";
        }
        LocalDate day = at.atZone(zone).toLocalDate();
        boolean today = day.equals(now.atZone(zone).toLocalDate());
        return (today ? HH_MM : DAY_HH_MM).format(at.atZone(zone));
    }

    public String fullTime(Instant at) {
        return at == null ? "" : FULL.format(at.atZone(zone));
    }

    /** "42 min", "3 h 5 min", "2 d 4 h". */
    public String duration(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        if (minutes < 60) {
            return text.format("duration.minutes", minutes);
        }
        if (minutes < 24 * 60) {
            return text.format("duration.hours", minutes / 60, minutes % 60);
        }
        return text.format("duration.days", minutes / (24 * 60), minutes % (24 * 60) / 60);
    }

    /**
     * Like {@link #duration} but to the second under ten minutes, where an urgent case's seconds matter
     * ("2 min 30 s", "45 s").
     */
    public String countdown(Duration d) {
        long seconds = Math.max(0, d.toSeconds());
        if (seconds >= 600) {
            return duration(d);
        }
        if (seconds < 60) {
            return text.format("duration.seconds", seconds);
        }
        return text.format("duration.minutesSeconds", seconds / 60, seconds % 60);
    }

    /** Metres under a kilometre, else kilometres with one decimal. */
    public String distance(Double metres) {
        if (metres == null) {
            return text.get("distance.unknown");
        }
        return metres < 1000 ? text.format("distance.metres", Math.round(metres))
                : text.format("distance.km", String.format(Locale.ROOT, "%.1f", metres / 1000));
    }

    /** The SLA cell: words, a glyph and a style class, so the state never rests on colour alone. */
    public record SlaCell(String text, String mark, String style) {
    }

    public SlaCell slaCell(Case c, SlaView view) {
        if (view == null) {
            return new SlaCell(text.get("sla.none"), "–", "sla-NONE");
        }
        SlaStatus current = view.current();
        if (current != null) {
            return runningCell(current);
        }
        return switch (c.state()) {
            case SUSPENDED -> new SlaCell(text.get("sla.stopped"), "‖", "sla-STOPPED");
            case VOIDED -> new SlaCell(text.get("sla.voided"), "–", "sla-NONE");
            default -> view.stages().values().stream().anyMatch(SlaStatus::isLate)
                    ? new SlaCell(text.get("sla.metLate"), "✓", "sla-MET_LATE")
                    : new SlaCell(text.get("sla.met"), "✓", "sla-MET");
        };
    }

    public SlaCell runningCell(SlaStatus s) {
        return switch (s.state()) {
            case OVERDUE -> new SlaCell(text.format("sla.overdue", duration(atLeastOneMinute(s.overrun()))), "✖",
                    "sla-OVERDUE");
            case NEAR_DUE -> new SlaCell(text.format("sla.left", duration(s.remaining())), "⚠", "sla-NEAR_DUE");
            case ON_TIME -> new SlaCell(text.format("sla.left", duration(s.remaining())), "◷", "sla-ON_TIME");
            case MET -> new SlaCell(text.get("sla.met"), "✓", "sla-MET");
            case MET_LATE -> new SlaCell(text.format("sla.metLateBy", duration(atLeastOneMinute(s.overrun()))), "✓",
                    "sla-MET_LATE");
        };
    }

    public String slaStateWord(SlaState state) {
        return text.get("sla.state." + state.name());
    }

    private static Duration atLeastOneMinute(Duration d) {
        // "overdue 0 min" reads as on time; a stage a few seconds late is a minute late to the officer.
        return d.compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofMinutes(1) : d;
    }
}
