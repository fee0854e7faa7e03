package org.gridcommand.app;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.gridcommand.cap.CapAlert;
import org.gridcommand.cap.CapExporter;
import org.gridcommand.cap.CapSource;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.Category;
import org.gridcommand.cases.CategoryDictionary;
import org.gridcommand.common.BilingualName;
import org.gridcommand.geo.GeoPoint;
import org.gridcommand.grid.District;
import org.gridcommand.grid.SmallGrid;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * A case as a CAP 1.2 alert file: status Actual from the live store, Exercise from a drill's store (a drill's
 * alert must never pass for a real one). The area is the case's point; a case without a point takes its
 * small grid's outline. The sender is the district's centre, named after the district and its
 * administrative code.
 */
public final class CaseCapExport {
    private final CapExporter exporter;
    private final CategoryDictionary categories;
    private final District district;
    private final Clock clock;
    private final ZoneId zone;
    private final CapAlert.Status status;

    public CaseCapExport(CapExporter exporter, CategoryDictionary categories, District district, Clock clock, ZoneId zone) {
        this(exporter, categories, district, clock, zone, CapAlert.Status.ACTUAL);
    }

    public CaseCapExport(CapExporter exporter, CategoryDictionary categories, District district, Clock clock, ZoneId zone,
                         CapAlert.Status status) {
        this.status = Objects.requireNonNull(status, "status");
        this.exporter = Objects.requireNonNull(exporter, "exporter");
        this.categories = Objects.requireNonNull(categories, "categories");
        this.district = Objects.requireNonNull(district, "district");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Loads the shipped CAP category map ({@code assets/cap/}): call it off the FX thread. */
    public static CaseCapExport forContext(AppContext context) {
        return new CaseCapExport(CapExporter.loadDefault(senderOf(context.district()), context.categories()),
                context.categories(), context.district(), context.clock(), context.zone(),
                context.isDrill() ? CapAlert.Status.EXERCISE : CapAlert.Status.ACTUAL);
    }

    /** The district's centre as CAP sender: "gridcommand@440402", "唐家湾镇综治中心", prefix "GC440402". */
    public static CapExporter.Sender senderOf(District district) {
        String code = district.adminCode() == null || district.adminCode().isBlank() ? "000000"
                : district.adminCode().strip();
        BilingualName name = district.name();
        return new CapExporter.Sender("gridcommand@" + code, name.zh() + "综治中心", name.en() + " Governance Centre",
                "GC" + code);
    }

    /** The file name the save dialog proposes: "CAP-01JD….xml". */
    public static String fileName(Case c) {
        return "CAP-" + c.id() + ".xml";
    }

    /** The case as the exporter reads it, sent now, status Actual (Exercise in a drill). */
    public CapSource source(Case c) {
        Objects.requireNonNull(c, "case");
        BilingualName event = categories.find(c.categoryCode()).map(Category::name)
                .orElse(new BilingualName(String.valueOf(c.categoryCode()), String.valueOf(c.categoryCode())));
        return CapSource.builder().id(c.id()).sent(clock.instant()).zone(zone).status(status)
                .categoryCode(c.categoryCode()).event(event.zh(), event.en()).priority(c.priority())
                .eventClass(c.eventClass()).level(c.level()).channel(c.channel()).address(c.address())
                .description(c.description(), null).location(c.location()).polygon(c.location() == null ? outline(c)
                        : List.of())
                .build();
    }

    public String xml(Case c) {
        return exporter.toXml(source(c));
    }

    /**
     * Writes the alert to {@code target} (UTF-8), through a temporary file beside it, so a failed write never
     * leaves half a file under the chosen name.
     */
    public Path write(Case c, Path target) {
        Objects.requireNonNull(target, "target");
        CapAlert alert = exporter.toAlert(source(c));
        Path dir = target.toAbsolutePath().getParent();
        Path temp = null;
        try {
            temp = Files.createTempFile(dir, ".cap-", ".xml.part");
            try (OutputStream out = Files.newOutputStream(temp)) {
                exporter.write(alert, out);
            }
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + target + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the move took it, or the folder went away; nothing left to clean
                }
            }
        }
    }

    private List<GeoPoint> outline(Case c) {
        if (c.smallGridCode() == null) {
            return List.of();
        }
        for (SmallGrid g : district.smallGrids()) {
            if (g.code().value().equals(c.smallGridCode())) {
                Geometry area = g.area();
                if (area == null || area.isEmpty() || !(area.getGeometryN(0) instanceof Polygon p)) {
                    return List.of();
                }
                List<GeoPoint> ring = new ArrayList<>();
                for (Coordinate k : p.getExteriorRing().getCoordinates()) {
                    ring.add(new GeoPoint(k.x, k.y));
                }
                return ring;
            }
        }
        return List.of();
    }
}
