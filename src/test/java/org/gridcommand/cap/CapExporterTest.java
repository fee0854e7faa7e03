package org.gridcommand.cap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.gridcommand.app.CaseCapExport;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.CaseState;
import org.gridcommand.cases.CategoryDictionary;
import org.gridcommand.cases.Channel;
import org.gridcommand.cases.EmergencyClass;
import org.gridcommand.cases.EmergencyLevel;
import org.gridcommand.cases.Priority;
import org.gridcommand.geo.GeoPoint;
import org.gridcommand.stats.StatsFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Exported alerts are checked twice: against the OASIS CAP 1.2 schema, and rule by rule in code for what a
 * schema cannot say or says loosely (identifier characters, lat-first coordinates, closed polygons).
 */
class CapExporterTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Pattern SENT = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[-+]\\d\\d:\\d\\d");
    private static final Pattern TOKEN = Pattern.compile("[^\\s,<>&]+");
    private static final Pattern PAIR = Pattern.compile("(-?\\d+(?:\\.\\d+)?),(-?\\d+(?:\\.\\d+)?)");
    private static final List<String> ALERT_ORDER = List.of("identifier", "sender", "sent", "status", "msgType",
            "source", "scope", "restriction", "addresses", "code", "note", "references", "incidents", "info");
    private static final List<String> INFO_ORDER = List.of("language", "category", "event", "responseType", "urgency",
            "severity", "certainty", "audience", "eventCode", "effective", "onset", "expires", "senderName", "headline",
            "description", "instruction", "web", "contact", "parameter", "resource", "area");
    private static final List<String> AREA_ORDER = List.of("areaDesc", "polygon", "circle", "geocode", "altitude", "ceiling");
    private static final Map<String, Set<String>> ENUMS = Map.of(
            "status", Set.of("Actual", "Exercise", "System", "Test", "Draft"),
            "msgType", Set.of("Alert", "Update", "Cancel", "Ack", "Error"),
            "scope", Set.of("Public", "Restricted", "Private"),
            "category", Set.of("Geo", "Met", "Safety", "Security", "Rescue", "Fire", "Health", "Env", "Transport",
                    "Infra", "CBRNE", "Other"),
            "urgency", Set.of("Immediate", "Expected", "Future", "Past", "Unknown"),
            "severity", Set.of("Extreme", "Severe", "Moderate", "Minor", "Unknown"),
            "certainty", Set.of("Observed", "Likely", "Possible", "Unlikely", "Unknown"));
    private static final GeoPoint FIRE_AT = new GeoPoint(113.5767, 22.2705);   // lon, lat: Xiangzhou, Zhuhai

    static CategoryDictionary categories;
    static CapExporter exporter;
    static Schema schema;

    @TempDir
    Path dir;

    @BeforeAll
    static void setUp() throws Exception {
        categories = CategoryDictionary.loadDefault();
        exporter = CapExporter.loadDefault(new CapExporter.Sender("gridcommand@440402.example.gov.cn",
                "香洲区综治中心", "Xiangzhou District Governance Centre", "GC440402"), categories);
        URL xsd = CapExporterTest.class.getResource("/cap/CAP-v1.2.xsd");
        assertThat(xsd).as("the OASIS CAP 1.2 schema under src/test/resources/cap").isNotNull();
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        schema = factory.newSchema(xsd);
    }

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }

    /** The story's 08:45 fire, reported by a grid worker on site. */
    private static CapSource.Builder fire() {
        return CapSource.builder().id("01JDX7Q3M8R2KZ5W6T9YB4HNCE").sent(at("2026-11-27T08:45"))
                .categoryCode("0601").event("住宅火灾", "Residential fire").priority(Priority.URGENT)
                .eventClass(EmergencyClass.ACCIDENT_DISASTER).level(EmergencyLevel.II).channel(Channel.GRID_WORKER)
                .address("香洲区翠香街道康宁社区12栋").description("居民楼三层起火，消防已出动", "Fire on the 3rd floor; fire brigade on the way")
                .location(FIRE_AT).radiusKm(0.5);
    }

    private static void validate(String xml) throws Exception {
        Validator validator = schema.newValidator();
        validator.validate(new StreamSource(new StringReader(xml)));
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        var builder = f.newDocumentBuilder();
        // Fatal errors are thrown, not also printed to stderr (the default handler does both).
        builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler());
        return builder.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    private static List<Element> children(Element parent, String name) {
        return children(parent).stream().filter(e -> e.getLocalName().equals(name)).toList();
    }

    private static String text(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertThat(found).as(name).hasSize(1);
        return found.get(0).getTextContent();
    }

    /** Element names appear in the schema's sequence order (repeats allowed, nothing out of place). */
    private static void assertOrder(Element parent, List<String> order) {
        int last = -1;
        for (Element e : children(parent)) {
            int index = order.indexOf(e.getLocalName());
            assertThat(index).as("<%s> is a CAP child of <%s>", e.getLocalName(), parent.getLocalName()).isNotNegative();
            assertThat(index).as("<%s> in schema order under <%s>", e.getLocalName(), parent.getLocalName())
                    .isGreaterThanOrEqualTo(last);
            last = index;
        }
    }

    /** Every rule of CAP 1.2 the console relies on, checked on the parsed document. */
    private static Element assertCapRules(String xml) throws Exception {
        Element alert = parse(xml).getDocumentElement();
        assertThat(alert.getNamespaceURI()).isEqualTo("urn:oasis:names:tc:emergency:cap:1.2");
        assertThat(alert.getLocalName()).isEqualTo("alert");
        assertOrder(alert, ALERT_ORDER);
        for (String required : List.of("identifier", "sender", "sent", "status", "msgType", "scope")) {
            assertThat(children(alert, required)).as("required <%s>", required).hasSize(1);
        }
        assertThat(text(alert, "identifier")).matches(TOKEN);
        assertThat(text(alert, "sender")).matches(TOKEN);
        assertThat(text(alert, "sent")).matches(SENT);
        if (text(alert, "scope").equals("Restricted")) {
            assertThat(text(alert, "restriction")).isNotBlank();
        }
        for (Element e : (Iterable<Element>) () -> descendants(alert).iterator()) {
            Set<String> allowed = ENUMS.get(e.getLocalName());
            if (allowed != null) {
                assertThat(allowed).as("<%s>", e.getLocalName()).contains(e.getTextContent());
            }
        }
        assertThat(children(alert, "info")).isNotEmpty().allSatisfy(info -> {
            assertOrder(info, INFO_ORDER);
            for (String required : List.of("category", "event", "urgency", "severity", "certainty")) {
                assertThat(children(info, required)).as("required <%s>", required).isNotEmpty();
            }
            children(info, "area").forEach(area -> {
                assertOrder(area, AREA_ORDER);
                assertThat(children(area, "areaDesc")).hasSize(1);
                children(area, "circle").forEach(c -> assertCircle(c.getTextContent()));
                children(area, "polygon").forEach(p -> assertPolygon(p.getTextContent()));
            });
        });
        return alert;
    }

    private static List<Element> descendants(Element root) {
        List<Element> out = new ArrayList<>();
        for (Element c : children(root)) {
            out.add(c);
            out.addAll(descendants(c));
        }
        return out;
    }

    private static double[] latLon(String pair) {
        var m = PAIR.matcher(pair);
        assertThat(m.matches()).as("\"%s\" is a lat,lon pair", pair).isTrue();
        double lat = Double.parseDouble(m.group(1));
        double lon = Double.parseDouble(m.group(2));
        assertThat(lat).as("latitude first").isBetween(-90.0, 90.0);
        assertThat(lon).isBetween(-180.0, 180.0);
        return new double[] {lat, lon};
    }

    private static void assertCircle(String circle) {
        String[] parts = circle.split(" ");
        assertThat(parts).as("circle \"%s\" is \"lat,lon radius\"", circle).hasSize(2);
        latLon(parts[0]);
        assertThat(Double.parseDouble(parts[1])).isNotNegative();
    }

    private static void assertPolygon(String polygon) {
        String[] pairs = polygon.split(" ");
        assertThat(pairs.length).as("a polygon has at least 4 points").isGreaterThanOrEqualTo(4);
        for (String p : pairs) {
            latLon(p);
        }
        assertThat(pairs[pairs.length - 1]).as("the polygon is closed").isEqualTo(pairs[0]);
    }

    @Test
    void theStoryFireValidatesAgainstTheOfficialSchema() throws Exception {
        String xml = exporter.toXml(fire().build());
        validate(xml);
        Element alert = assertCapRules(xml);
        assertThat(text(alert, "identifier")).isEqualTo("GC440402-01JDX7Q3M8R2KZ5W6T9YB4HNCE-20261127T084500");
        assertThat(text(alert, "sent")).isEqualTo("2026-11-27T08:45:00+08:00");
        assertThat(text(alert, "status")).isEqualTo("Actual");
        assertThat(text(alert, "msgType")).isEqualTo("Alert");
        assertThat(text(alert, "scope")).isEqualTo("Public");
        assertThat(children(alert, "restriction")).isEmpty();
        assertThat(text(alert, "incidents")).isEqualTo("01JDX7Q3M8R2KZ5W6T9YB4HNCE");

        List<Element> infos = children(alert, "info");
        assertThat(infos).extracting(i -> text(i, "language")).containsExactly("zh-CN", "en-US");
        Element zh = infos.get(0);
        assertThat(children(zh, "category")).extracting(Node::getTextContent).containsExactly("Fire", "Safety");
        assertThat(text(zh, "event")).isEqualTo("住宅火灾");
        assertThat(text(zh, "urgency")).isEqualTo("Immediate");
        assertThat(text(zh, "severity")).isEqualTo("Severe");
        assertThat(text(zh, "certainty")).isEqualTo("Observed");
        assertThat(text(zh, "senderName")).isEqualTo("香洲区综治中心");
        assertThat(text(zh, "headline")).isEqualTo("住宅火灾：香洲区翠香街道康宁社区12栋");
        Element area = children(zh, "area").get(0);
        assertThat(text(area, "areaDesc")).isEqualTo("香洲区翠香街道康宁社区12栋");
        assertThat(text(area, "circle")).isEqualTo("22.2705,113.5767 0.5");
        assertThat(text(infos.get(1), "event")).isEqualTo("Residential fire");
        assertThat(text(infos.get(1), "description")).isEqualTo("Fire on the 3rd floor; fire brigade on the way");
    }

    @Test
    void theSchemaRefusesWhatCapForbids() {
        String xml = exporter.toXml(fire().build());
        // Guards the guard: a validator that accepted everything would make the test above worthless.
        assertThatThrownBy(() -> validate(xml.replace("08:45:00+08:00", "08:45:00.5+08:00")))
                .isInstanceOf(org.xml.sax.SAXException.class);
        assertThatThrownBy(() -> validate(xml.replace("<status>Actual</status>", "<status>Real</status>")))
                .isInstanceOf(org.xml.sax.SAXException.class);
        String swapped = xml.replace("<msgType>Alert</msgType>", "#").replace("<status>Actual</status>", "<msgType>Alert</msgType>")
                .replace("#", "<status>Actual</status>");
        assertThatThrownBy(() -> validate(swapped)).isInstanceOf(org.xml.sax.SAXException.class);
    }

    @Test
    void controlCharactersAndLoneSurrogatesInACaseBecomeReplacementCharactersInAWellFormedValidFile() throws Exception {
        // ESC and SOH as a field device's firmware leaves them, a high surrogate without its pair, and a
        // character outside the Basic Multilingual Plane (U+20BB7 𠮷) that must survive whole.
        Case c = Case.builder().id("01JDX7Q3M8R2KZ5W6T9YB4HNCG").channel(Channel.GRID_WORKER).categoryCode("0601")
                .priority(Priority.URGENT).state(CaseState.REPORTED).reportedAt(at("2026-11-27T08:45"))
                .location(FIRE_AT).address("香洲区\u0001康宁社区\u001B[31m12栋")
                .description("居民楼三层起火\uD83D，\u0000消防已出动 \uD842\uDFB7").build();
        CaseCapExport export = new CaseCapExport(exporter, categories, StatsFixtures.district(),
                Clock.fixed(at("2026-11-27T08:46"), ZoneOffset.UTC), SHANGHAI);
        Path file = export.write(c, dir.resolve(CaseCapExport.fileName(c)));

        String xml = Files.readString(file, StandardCharsets.UTF_8);
        validate(xml);
        Element info = children(assertCapRules(xml), "info").get(0);
        assertThat(text(info, "description")).isEqualTo("居民楼三层起火\uFFFD，\uFFFD消防已出动 \uD842\uDFB7");
        assertThat(text(info, "headline")).isEqualTo("住宅火灾：香洲区\uFFFD康宁社区\uFFFD[31m12栋");
        assertThat(text(children(info, "area").get(0), "areaDesc")).isEqualTo("香洲区\uFFFD康宁社区\uFFFD[31m12栋");
        // Guards the guard: the same file with the forbidden character put back is refused by the parser.
        assertThatThrownBy(() -> parse(xml.replaceFirst("\uFFFD", "\u0001")))
                .isInstanceOf(org.xml.sax.SAXParseException.class);
    }

    @Test
    void coordinatesAreWrittenLatitudeFirst() throws Exception {
        String circle = text(children(children(assertCapRules(exporter.toXml(fire().build())), "info").get(0), "area").get(0),
                "circle");
        double[] latLon = latLon(circle.split(" ")[0]);
        assertThat(latLon[0]).isEqualTo(FIRE_AT.lat());
        assertThat(latLon[1]).isEqualTo(FIRE_AT.lon());
    }

    @Test
    void sentHasAnOffsetAndNoFractionalSeconds() throws Exception {
        Instant withNanos = at("2026-11-27T08:45:07").plusNanos(123_456_789);
        CapAlert alert = exporter.toAlert(fire().sent(withNanos).build());
        assertThat(CapExporter.formatSent(alert.sent())).isEqualTo("2026-11-27T08:45:07+08:00");
        String utc = exporter.toXml(fire().sent(withNanos).zone(ZoneOffset.UTC).build());
        validate(utc);
        assertThat(text(parse(utc).getDocumentElement(), "sent")).isEqualTo("2026-11-27T00:45:07-00:00");
    }

    @Test
    void aDrillIsAnExerciseAndSaysSo() throws Exception {
        String xml = exporter.toXml(fire().drill(true).build());
        validate(xml);
        Element alert = assertCapRules(xml);
        assertThat(text(alert, "status")).isEqualTo("Exercise");
        List<Element> infos = children(alert, "info");
        assertThat(text(infos.get(0), "headline")).startsWith("【演练】");
        assertThat(text(infos.get(1), "headline")).startsWith("[EXERCISE] ");
    }

    @Test
    void restrictedScopeCarriesItsRestriction() throws Exception {
        String xml = exporter.toXml(fire().restricted("仅限应急联动单位 / emergency partners only").build());
        validate(xml);
        Element alert = assertCapRules(xml);
        assertThat(text(alert, "scope")).isEqualTo("Restricted");
        assertThat(text(alert, "restriction")).isEqualTo("仅限应急联动单位 / emergency partners only");
        assertThatThrownBy(() -> exporter.toAlert(fire().scope(CapAlert.Scope.RESTRICTED).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Restricted needs a restriction");
    }

    @Test
    void anOpenPolygonIsClosedAndWrittenLatFirst() throws Exception {
        List<GeoPoint> ring = List.of(new GeoPoint(113.57, 22.27), new GeoPoint(113.58, 22.27),
                new GeoPoint(113.58, 22.28));
        String xml = exporter.toXml(fire().polygon(ring).build());
        validate(xml);
        Element area = children(children(assertCapRules(xml), "info").get(0), "area").get(0);
        assertThat(children(area, "circle")).isEmpty();
        assertThat(text(area, "polygon")).isEqualTo("22.27,113.57 22.27,113.58 22.28,113.58 22.27,113.57");
    }

    @Test
    void aPolygonOfTooFewPointsIsRefused() {
        List<GeoPoint> twoPoints = List.of(new GeoPoint(113.57, 22.27), new GeoPoint(113.58, 22.27));
        assertThatThrownBy(() -> exporter.toAlert(fire().polygon(twoPoints).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 4 points");
        List<GeoPoint> open = List.of(new GeoPoint(113.57, 22.27), new GeoPoint(113.58, 22.27),
                new GeoPoint(113.58, 22.28), new GeoPoint(113.57, 22.28));
        assertThatThrownBy(() -> new CapAlert.Area("x", List.of(open), List.of()))
                .hasMessageContaining("must be closed");
    }

    @Test
    void identifiersAreUniqueTokens() {
        String one = exporter.toAlert(fire().build()).identifier();
        String sameCaseLater = exporter.toAlert(fire().sent(at("2026-11-27T09:00")).build()).identifier();
        String otherCase = exporter.toAlert(fire().id("01JDX7Q3M8R2KZ5W6T9YB4HNCF").build()).identifier();
        assertThat(List.of(one, sameCaseLater, otherCase)).doesNotHaveDuplicates().allMatch(i -> TOKEN.matcher(i).matches());
        assertThatThrownBy(() -> fire().id("case 1,2").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("id must not contain spaces, commas");
        assertThatThrownBy(() -> new CapExporter.Sender("centre <x>", "z", "e", "GC"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void gradingFollowsLevelPriorityAndChannel() {
        assertThat(CapExporter.severity(Priority.NORMAL, EmergencyLevel.I)).isEqualTo(CapAlert.Severity.EXTREME);
        assertThat(CapExporter.severity(Priority.NORMAL, EmergencyLevel.II)).isEqualTo(CapAlert.Severity.SEVERE);
        assertThat(CapExporter.severity(Priority.NORMAL, EmergencyLevel.III)).isEqualTo(CapAlert.Severity.MODERATE);
        assertThat(CapExporter.severity(Priority.URGENT, EmergencyLevel.IV)).isEqualTo(CapAlert.Severity.MINOR);
        assertThat(CapExporter.severity(Priority.HIGH, null)).isEqualTo(CapAlert.Severity.MODERATE);
        assertThat(CapExporter.urgency(Priority.URGENT, null)).isEqualTo(CapAlert.Urgency.IMMEDIATE);
        assertThat(CapExporter.urgency(Priority.NORMAL, EmergencyLevel.I)).isEqualTo(CapAlert.Urgency.IMMEDIATE);
        assertThat(CapExporter.urgency(Priority.HIGH, null)).isEqualTo(CapAlert.Urgency.EXPECTED);
        assertThat(CapExporter.urgency(Priority.LOW, null)).isEqualTo(CapAlert.Urgency.FUTURE);
        assertThat(CapExporter.certainty(Channel.GRID_WORKER)).isEqualTo(CapAlert.Certainty.OBSERVED);
        assertThat(CapExporter.certainty(Channel.HOTLINE)).isEqualTo(CapAlert.Certainty.LIKELY);
    }

    @Test
    void aHotlineReportWithoutEnglishOrAddressStillMakesAValidAlert() throws Exception {
        CapSource s = CapSource.builder().id("H-20261127-0007").sent(at("2026-11-27T21:10"))
                .categoryCode("0101").event("井盖缺损", null).priority(Priority.HIGH).channel(Channel.HOTLINE)
                .description("路口 <井盖> 缺失 & 有积水", null).location(new GeoPoint(113.5501, 22.2502)).build();
        String xml = exporter.toXml(s);
        validate(xml);
        Element alert = assertCapRules(xml);
        Element info = children(alert, "info").get(0);
        assertThat(children(alert, "info")).hasSize(1);
        assertThat(text(info, "category")).isEqualTo("Infra");   // from its major, Public facilities
        assertThat(text(info, "certainty")).isEqualTo("Likely");
        assertThat(text(info, "urgency")).isEqualTo("Expected");
        assertThat(text(info, "description")).isEqualTo("路口 <井盖> 缺失 & 有积水");
        Element area = children(info, "area").get(0);
        assertThat(text(area, "areaDesc")).isEqualTo("22.2502,113.5501");
        assertThat(text(area, "circle")).isEqualTo("22.2502,113.5501 0");
    }

    @Test
    void categoryMapFallsBackAndRefusesBadEntries() throws IOException {
        CapCategoryMap map = CapCategoryMap.loadDefault(categories);
        assertThat(map.categoriesFor("0605", EmergencyClass.ACCIDENT_DISASTER))
                .containsExactly(CapAlert.Category.CBRNE, CapAlert.Category.SAFETY);
        assertThat(map.categoriesFor("0301", null)).containsExactly(CapAlert.Category.OTHER);
        assertThat(map.categoriesFor("0301", EmergencyClass.SOCIAL_SECURITY)).containsExactly(CapAlert.Category.SECURITY);
        assertThat(map.categoriesFor("9999", null)).containsExactly(CapAlert.Category.OTHER);
        // Every minor category of the demo dictionary maps to a CAP category.
        categories.minors().forEach(c -> assertThat(map.categoriesFor(c.code(), null)).isNotEmpty());

        Path bad = Files.writeString(dir.resolve("category-map.json"), """
                {"categories": [
                  {"code": "01", "cap": ["Infra"]}, {"code": "02", "cap": ["Env"]}, {"code": "03", "cap": ["Other"]},
                  {"code": "04", "cap": ["Safety"]}, {"code": "05", "cap": ["Other"]}, {"code": "0603", "cap": ["Flood"]}
                ], "eventClasses": []}""");
        assertThatThrownBy(() -> CapCategoryMap.load(bad, categories))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("category-map.json: categories entry 6 (0603): not a CAP category: \"Flood\"");

        Path noMajor = Files.writeString(dir.resolve("category-map.json"), """
                {"categories": [{"code": "01", "cap": ["Infra"]}], "eventClasses": []}""");
        assertThatThrownBy(() -> CapCategoryMap.load(noMajor, categories))
                .hasMessageStartingWith("category-map.json: no entry for major category 02");
    }
}
