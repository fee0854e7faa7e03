package org.gridcommand.cap;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.gridcommand.cases.CategoryDictionary;
import org.gridcommand.cases.Channel;
import org.gridcommand.cases.EmergencyLevel;
import org.gridcommand.cases.Priority;
import org.gridcommand.common.XmlText;
import org.gridcommand.geo.GeoPoint;

/**
 * Exports a case as a CAP 1.2 alert (msgType Alert; status Actual, or Exercise for a drill). Grading maps
 * as follows: severity from the emergency level (I Extreme, II Severe, III Moderate, IV Minor), without a
 * level from the priority; urgency Immediate for URGENT or a level I/II event, Expected for HIGH or level
 * III, Future otherwise; certainty Observed when a person saw it (grid worker on site, duty officer who
 * checked it), Likely for hotline calls and automatic detections not yet confirmed. Every text is written
 * through {@link XmlText#legal}: characters XML 1.0 forbids (control characters, lone surrogates) become U+FFFD.
 */
public final class CapExporter {
    public static final String NAMESPACE = "urn:oasis:names:tc:emergency:cap:1.2";
    private static final DateTimeFormatter SENT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss");
    /** CAP advises headlines under 160 characters (text-messaging and broadcast crawl limits). */
    private static final int HEADLINE_MAX = 160;

    /**
     * Who sends: sender is the centre's CAP address (no spaces, commas, '<' or '&'), the names appear in
     * senderName, the prefix starts every identifier so that two centres never collide.
     */
    public record Sender(String sender, String nameZh, String nameEn, String identifierPrefix) {
        public Sender {
            Objects.requireNonNull(nameZh, "nameZh");
            Objects.requireNonNull(nameEn, "nameEn");
            if (sender == null || !sender.matches("[^\\s,<>&]+")) {
                throw new IllegalArgumentException("sender must not be empty or contain spaces, commas, '<', '>' or '&': " + sender);
            }
            if (identifierPrefix == null || !identifierPrefix.matches("[^\\s,<>&]+")) {
                throw new IllegalArgumentException("identifierPrefix must not be empty or contain spaces, commas, '<', '>' or '&': "
                        + identifierPrefix);
            }
        }
    }

    private final Sender sender;
    private final CapCategoryMap categories;

    public CapExporter(Sender sender, CapCategoryMap categories) {
        this.sender = Objects.requireNonNull(sender, "sender");
        this.categories = Objects.requireNonNull(categories, "categories");
    }

    /** The exporter with the shipped category map ({@code assets/cap/category-map.json}). */
    public static CapExporter loadDefault(Sender sender, CategoryDictionary dictionary) {
        return new CapExporter(sender, CapCategoryMap.loadDefault(dictionary));
    }

    public CapAlert toAlert(CapSource s) {
        OffsetDateTime sent = s.sent().atZone(s.zone()).toOffsetDateTime().truncatedTo(ChronoUnit.SECONDS);
        String identifier = sender.identifierPrefix() + "-" + s.id() + "-" + ID_TIME.format(sent);
        List<CapAlert.Category> cats = categories.categoriesFor(s.categoryCode(), s.eventClass());
        CapAlert.Urgency urgency = urgency(s.priority(), s.level());
        CapAlert.Severity severity = severity(s.priority(), s.level());
        CapAlert.Certainty certainty = certainty(s.channel());
        String areaDesc = blank(s.address()) ? describe(s) : s.address().strip();
        CapAlert.Area area = area(s, areaDesc);

        List<CapAlert.Info> infos = new ArrayList<>();
        String zhHeadline = (s.isDrill() ? "【演练】" : "") + s.eventZh().strip()
                + (blank(s.address()) ? "" : "：" + s.address().strip());
        infos.add(new CapAlert.Info("zh-CN", cats, s.eventZh().strip(), urgency, severity, certainty, sender.nameZh(),
                cut(zhHeadline), blank(s.description()) ? null : s.description().strip(), List.of(area)));
        if (!blank(s.eventEn())) {
            String enHeadline = (s.isDrill() ? "[EXERCISE] " : "") + s.eventEn().strip()
                    + (blank(s.address()) ? "" : ": " + s.address().strip());
            infos.add(new CapAlert.Info("en-US", cats, s.eventEn().strip(), urgency, severity, certainty,
                    sender.nameEn(), cut(enHeadline), blank(s.descriptionEn()) ? null : s.descriptionEn().strip(),
                    List.of(area)));
        }
        return new CapAlert(identifier, sender.sender(), sent, s.status(), CapAlert.MsgType.ALERT, s.scope(),
                s.scope() == CapAlert.Scope.RESTRICTED ? s.restriction() : null, s.id(), infos);
    }

    public String toXml(CapSource source) {
        return toXml(toAlert(source));
    }

    public String toXml(CapAlert alert) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(alert, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Writes the alert as UTF-8 XML, elements in the order the CAP 1.2 schema's sequences require. */
    public void write(CapAlert alert, OutputStream out) {
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            Xml x = new Xml(w);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.setDefaultNamespace(NAMESPACE);
            w.writeStartElement(NAMESPACE, "alert");
            w.writeDefaultNamespace(NAMESPACE);
            x.depth++;
            x.element("identifier", alert.identifier());
            x.element("sender", alert.sender());
            x.element("sent", formatSent(alert.sent()));
            x.element("status", alert.status().value());
            x.element("msgType", alert.msgType().value());
            x.element("scope", alert.scope().value());
            x.element("restriction", alert.restriction());
            x.element("incidents", alert.incidents());
            for (CapAlert.Info info : alert.infos()) {
                x.start("info");
                x.element("language", info.language());
                for (CapAlert.Category c : info.categories()) {
                    x.element("category", c.value());
                }
                x.element("event", info.event());
                x.element("urgency", info.urgency().value());
                x.element("severity", info.severity().value());
                x.element("certainty", info.certainty().value());
                x.element("senderName", info.senderName());
                x.element("headline", info.headline());
                x.element("description", info.description());
                for (CapAlert.Area area : info.areas()) {
                    x.start("area");
                    x.element("areaDesc", area.areaDesc());
                    for (List<GeoPoint> ring : area.polygons()) {
                        x.element("polygon", polygonText(ring));
                    }
                    for (CapAlert.Circle circle : area.circles()) {
                        x.element("circle", circleText(circle));
                    }
                    x.end();
                }
                x.end();
            }
            x.depth--;
            w.writeCharacters("\n");
            w.writeEndElement();
            w.writeCharacters("\n");
            w.writeEndDocument();
            w.flush();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write the CAP alert " + alert.identifier(), e);
        }
    }

    /**
     * CAP's dateTime: seconds precision and a numeric offset, e.g. 2026-11-27T08:45:00+08:00; UTC is written
     * -00:00 as the standard asks ("Z" is not allowed).
     */
    public static String formatSent(OffsetDateTime t) {
        String text = SENT.format(t.truncatedTo(ChronoUnit.SECONDS));
        return t.getOffset().equals(ZoneOffset.UTC) ? text.substring(0, text.length() - 6) + "-00:00" : text;
    }

    /** "lat,lon radius" (WGS-84, latitude first, radius in km). */
    public static String circleText(CapAlert.Circle c) {
        return pair(c.centre()) + " " + number(c.radiusKm());
    }

    /** "lat,lon lat,lon ..." with the first pair repeated last. */
    public static String polygonText(List<GeoPoint> ring) {
        return ring.stream().map(CapExporter::pair).collect(Collectors.joining(" "));
    }

    public static CapAlert.Urgency urgency(Priority priority, EmergencyLevel level) {
        if (priority == Priority.URGENT || level == EmergencyLevel.I || level == EmergencyLevel.II) {
            return CapAlert.Urgency.IMMEDIATE;
        }
        if (priority == Priority.HIGH || level == EmergencyLevel.III) {
            return CapAlert.Urgency.EXPECTED;
        }
        return CapAlert.Urgency.FUTURE;
    }

    public static CapAlert.Severity severity(Priority priority, EmergencyLevel level) {
        if (level != null) {
            return switch (level) {
                case I -> CapAlert.Severity.EXTREME;
                case II -> CapAlert.Severity.SEVERE;
                case III -> CapAlert.Severity.MODERATE;
                case IV -> CapAlert.Severity.MINOR;
            };
        }
        return switch (priority) {
            case URGENT -> CapAlert.Severity.SEVERE;
            case HIGH -> CapAlert.Severity.MODERATE;
            case NORMAL, LOW -> CapAlert.Severity.MINOR;
        };
    }

    public static CapAlert.Certainty certainty(Channel channel) {
        return switch (channel) {
            case GRID_WORKER, DUTY_OFFICER -> CapAlert.Certainty.OBSERVED;
            case HOTLINE, SENSOR, VIDEO_ANALYTICS -> CapAlert.Certainty.LIKELY;
        };
    }

    private static CapAlert.Area area(CapSource s, String areaDesc) {
        if (!s.polygon().isEmpty()) {
            List<GeoPoint> ring = new ArrayList<>(s.polygon());
            if (!ring.get(0).equals(ring.get(ring.size() - 1))) {
                ring.add(ring.get(0));
            }
            return new CapAlert.Area(areaDesc, List.of(ring), List.of());
        }
        double radius = s.radiusKm() == null ? 0 : s.radiusKm();
        return new CapAlert.Area(areaDesc, List.of(), List.of(new CapAlert.Circle(s.location(), radius)));
    }

    private static String describe(CapSource s) {
        GeoPoint p = s.location() != null ? s.location() : s.polygon().get(0);
        return pair(p);
    }

    private static String pair(GeoPoint p) {
        return number(p.lat()) + "," + number(p.lon());
    }

    private static String number(double v) {
        BigDecimal d = BigDecimal.valueOf(v).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros();
        return d.signum() == 0 ? "0" : d.toPlainString();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String cut(String headline) {
        return headline.codePointCount(0, headline.length()) <= HEADLINE_MAX ? headline
                : headline.substring(0, headline.offsetByCodePoints(0, HEADLINE_MAX - 1)) + "…";
    }

    /** Indented writing: XMLStreamWriter has no pretty-printing of its own. */
    private static final class Xml {
        private final XMLStreamWriter w;
        int depth;

        Xml(XMLStreamWriter w) {
            this.w = w;
        }

        void element(String name, String text) throws XMLStreamException {
            if (text == null) {
                return;
            }
            indent();
            w.writeStartElement(NAMESPACE, name);
            // Case texts come from the field and the hotline: a control character would break the file.
            w.writeCharacters(XmlText.legal(text));
            w.writeEndElement();
        }

        void start(String name) throws XMLStreamException {
            indent();
            w.writeStartElement(NAMESPACE, name);
            depth++;
        }

        void end() throws XMLStreamException {
            depth--;
            indent();
            w.writeEndElement();
        }

        private void indent() throws XMLStreamException {
            w.writeCharacters("\n" + "  ".repeat(depth));
        }
    }
}
