package org.gridcommand.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gridcommand.cases.IntakeService;
import org.gridcommand.geo.GeoPoint;
import org.junit.jupiter.api.Test;

/**
 * docs/field-protocol.md is the contract: every JSON block in it is an example marked with its kind, valid
 * against that kind's schema and accepted by the parser; its reason table names every quarantine reason; the
 * schemas' limits are the intake service's.
 */
class FieldProtocolDocTest {
    private static final Path DOC = Path.of("docs", "field-protocol.md");
    private static final Pattern JSON_BLOCK = Pattern.compile("(?m)^```json\\s*\\n(.*?)^```", Pattern.DOTALL);
    private static final Pattern MARKED = Pattern.compile("<!-- example: (\\w+) -->\\s*\\n```json\\s*\\n(.*?)^```",
            Pattern.DOTALL | Pattern.MULTILINE);
    private static final ObjectMapper JSON = new ObjectMapper();

    record Example(FeedTopic.Kind kind, String text) {
    }

    static List<Example> examples(String doc) {
        List<Example> out = new ArrayList<>();
        Matcher m = MARKED.matcher(doc);
        while (m.find()) {
            FeedTopic.Kind kind = FeedTopic.Kind.valueOf(m.group(1).toUpperCase(java.util.Locale.ROOT));
            out.add(new Example(kind, m.group(2)));
        }
        return out;
    }

    @Test
    void everyJsonBlockIsAMarkedExample() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        Matcher all = JSON_BLOCK.matcher(doc);
        int blocks = 0;
        while (all.find()) {
            blocks++;
        }
        assertThat(examples(doc)).as("every ```json block needs an <!-- example: <kind> --> line above it").hasSize(blocks);
        assertThat(examples(doc)).extracting(Example::kind).contains(FeedTopic.Kind.values());
    }

    @Test
    void everyExampleIsValidAgainstItsSchemaAndAcceptedByTheParser() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        List<Example> examples = examples(doc);
        assertThat(examples).hasSizeGreaterThanOrEqualTo(8);
        FeedParser parser = FeedFixtures.parser();
        for (Example e : examples) {
            JsonNode node = JSON.readTree(e.text());
            assertThat(FeedFixtures.SCHEMAS.violations(e.kind(), node)).as(e.text()).isEmpty();
            String sender = node.get(e.kind().senderField()).asText();
            ParseOutcome o = parser.parse(FeedTopic.of(FeedFixtures.CODE, e.kind(), sender).topic(),
                    FeedFixtures.utf8(e.text()), FeedFixtures.NOW);
            assertThat(o).as(() -> e.text() + (o instanceof ParseOutcome.Rejected r ? " → " + r.quarantined().detail() : ""))
                    .isInstanceOf(ParseOutcome.Accepted.class);
        }
    }

    @Test
    void theGcj02ExampleIsTheSamePlaceAsTheWgs84One() throws IOException {
        List<GeoPoint> fixes = new ArrayList<>();
        FeedParser parser = FeedFixtures.parser();
        for (Example e : examples(Files.readString(DOC, StandardCharsets.UTF_8))) {
            if (e.kind() == FeedTopic.Kind.GPS) {
                ParseOutcome o = parser.parse(FeedFixtures.topic("gps", "W0001"), FeedFixtures.utf8(e.text()), FeedFixtures.NOW);
                fixes.add(((GpsFix) ((ParseOutcome.Accepted) o).message()).position());
            }
        }
        assertThat(fixes).hasSize(2);
        assertThat(fixes.get(0).distanceMetres(fixes.get(1))).isLessThan(0.5);
    }

    @Test
    void theReasonTableNamesEveryQuarantineReason() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        for (QuarantineReason r : QuarantineReason.values()) {
            assertThat(doc).contains("| `" + r.name() + "` |");
        }
    }

    @Test
    void theReportSchemasLimitsAreTheIntakeServicesAndTheSchemasLoadOnce() throws IOException {
        JsonNode report = JSON.readTree(FeedSchemas.fileOf(Path.of("assets", "feed", "schemas"), FeedTopic.Kind.REPORT).toFile());
        JsonNode p = report.get("properties");
        assertThat(p.at("/description/maxLength").asInt()).isEqualTo(IntakeService.MAX_DESCRIPTION);
        assertThat(p.at("/address/maxLength").asInt()).isEqualTo(IntakeService.MAX_ADDRESS);
        assertThat(p.at("/attachments/maxItems").asInt()).isEqualTo(IntakeService.MAX_ATTACHMENTS);
        assertThat(p.at("/attachments/items/properties/size/maximum").asLong()).isEqualTo(IntakeService.MAX_ATTACHMENT_BYTES);
        for (FeedTopic.Kind kind : FeedTopic.Kind.values()) {
            JsonNode s = JSON.readTree(FeedSchemas.fileOf(Path.of("assets", "feed", "schemas"), kind).toFile());
            assertThat(s.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
            assertThat(s.at("/properties/v/const").asInt()).isEqualTo(1);
            assertThat(s.at("/properties/id/maxLength").asInt()).isEqualTo(64);
            assertThat(s.at("/properties/id/pattern").asText()).isEqualTo("^" + FeedParser.MESSAGE_ID.pattern() + "$");
            assertThat(s.get("required")).extracting(JsonNode::asText).contains("v", "id", "at", kind.senderField());
            assertThat(s.get("additionalProperties").asBoolean(true)).isFalse();
        }
        assertThat(Optional.ofNullable(FeedFixtures.SCHEMAS)).isPresent();
    }
}
