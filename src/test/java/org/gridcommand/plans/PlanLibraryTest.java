package org.gridcommand.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.CaseState;
import org.gridcommand.cases.CategoryDictionary;
import org.gridcommand.cases.Channel;
import org.gridcommand.cases.EmergencyClass;
import org.gridcommand.cases.EmergencyLevel;
import org.gridcommand.cases.Priority;
import org.gridcommand.common.AssetLocator;
import org.gridcommand.directory.DepartmentDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanLibraryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static CategoryDictionary categories;
    private static DepartmentDirectory departments;
    private static PlanLibrary library;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadShipped() {
        categories = CategoryDictionary.loadDefault();
        departments = DepartmentDirectory.loadDefault();
        library = PlanLibrary.loadDefault(categories, departments);
    }

    // ------------------------------------------------------------------ the shipped library

    @Test
    void everyShippedPlanLoadsAndTheFourEventClassesAreCovered() {
        assertThat(library.plans()).extracting(PlanDefinition::id).containsExactly("residential-fire", "typhoon-flood",
                "hazchem-leak", "crowd-incident", "public-health", "power-outage");
        Set<EmergencyClass> classes = library.plans().stream().map(PlanDefinition::eventClass)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(EmergencyClass.class)));
        assertThat(classes).containsExactlyInAnyOrder(EmergencyClass.values());
        for (PlanDefinition plan : library.plans()) {
            assertThat(plan.levels()).as(plan.id()).containsOnlyKeys(EmergencyLevel.values());
            assertThat(plan.phases()).as(plan.id()).extracting(PhaseDefinition::key)
                    .contains("receive", "report", "first-response", "response", "aftermath");
            assertThat(plan.name().zh()).as(plan.id()).endsWith("应急预案");
            for (EmergencyLevel level : EmergencyLevel.values()) {
                assertThat(plan.stepsAt(level)).as(plan.id() + " at " + level).isNotEmpty();
            }
            // Each more serious level brings steps of its own, so raising it changes the checklist.
            assertThat(plan.steps()).as(plan.id()).anyMatch(s -> s.level() == EmergencyLevel.III)
                    .anyMatch(s -> s.level() == EmergencyLevel.II);
            assertThat(plan.steps()).as(plan.id()).allSatisfy(s -> {
                assertThat(library.role(s.role())).as(s.key()).isPresent();
                if (s.action() == ActionKind.NOTIFY) {
                    assertThat(s.contacts()).as(s.key()).isNotEmpty();
                }
            });
            assertThat(plan.steps()).as(plan.id() + " has a yes/no branch").anyMatch(s -> s.kind() == StepKind.BRANCH);
        }
    }

    @Test
    void theFirePlanFollowsTheSeedStory() {
        PlanDefinition fire = library.find("residential-fire").orElseThrow();
        assertThat(fire.name().zh()).isEqualTo("住宅火灾事故应急预案");
        assertThat(fire.phases()).extracting(p -> p.name().zh())
                .containsExactly("接警核实", "信息报告", "先期处置", "应急响应", "善后处置");
        StepDefinition cameras = fire.step("cameras").orElseThrow();
        assertThat(cameras.action()).isEqualTo(ActionKind.SHOW_CAMERAS);
        StepDefinition notify = fire.step("notify-leaders").orElseThrow();
        assertThat(notify.action()).isEqualTo(ActionKind.NOTIFY);
        assertThat(notify.contacts()).contains(ContactRef.leader("TOWN_DUTY_LEADER"), ContactRef.department("EMERGENCY"));
        assertThat(library.contactName(ContactRef.department("FIRE"), java.util.Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("消防救援大队");
        assertThat(library.contactAddress(ContactRef.department("FIRE"))).isEqualTo("119");
        assertThat(fire.gateOf("medical")).contains(new PlanDefinition.Gate("trapped", Answer.YES));
        assertThat(fire.step("cap").orElseThrow().level()).isEqualTo(EmergencyLevel.III);
    }

    // ------------------------------------------------------------------ suggestion

    @Test
    void aCaseIsOfferedThePlanOfItsCategoryAtItsLevel() {
        PlanSuggestion fire = library.suggest(aCase("0601", null, null)).orElseThrow();
        assertThat(fire.plan().id()).isEqualTo("residential-fire");
        assertThat(fire.level()).as("an ungraded case starts at IV").isEqualTo(EmergencyLevel.IV);
        assertThat(fire.because().describe()).isEqualTo("category 0601");

        assertThat(library.suggest(aCase("0604", EmergencyClass.NATURAL_DISASTER, EmergencyLevel.II)).orElseThrow())
                .satisfies(s -> {
                    assertThat(s.plan().id()).isEqualTo("typhoon-flood");
                    assertThat(s.level()).isEqualTo(EmergencyLevel.II);
                });
        assertThat(library.suggest(aCase("0606", null, null)).orElseThrow().plan().id()).isEqualTo("hazchem-leak");
    }

    @Test
    void theEventClassChoosesWhenTheCategoryHasNoPlan() {
        assertThat(library.suggest(aCase("0303", EmergencyClass.SOCIAL_SECURITY, EmergencyLevel.III)).orElseThrow()
                .plan().id()).isEqualTo("crowd-incident");
        assertThat(library.suggest(aCase("0201", EmergencyClass.PUBLIC_HEALTH, null)).orElseThrow().plan().id())
                .isEqualTo("public-health");
        assertThat(library.suggest(aCase("0102", EmergencyClass.ACCIDENT_DISASTER, EmergencyLevel.III)).orElseThrow()
                .plan().id()).as("a graded outage, not one street light").isEqualTo("power-outage");
    }

    @Test
    void ordinaryAndClosedCasesAreOfferedNoPlan() {
        assertThat(library.suggest(aCase("0102", null, null))).as("a street light out").isEmpty();
        assertThat(library.suggest(aCase("0201", null, null))).isEmpty();
        Case closedFire = aCase("0601", null, null).toBuilder().state(CaseState.CLOSED).closedAt(Instant.now()).build();
        assertThat(library.suggest(closedFire)).isEmpty();
    }

    @Test
    void aMajorCodeRuleMatchesEveryMinorOfIt() {
        SuggestionRule rule = new SuggestionRule("06", null, "residential-fire");
        assertThat(rule.matches(aCase("0607", null, null), categories)).isTrue();
        assertThat(rule.matches(aCase("0102", null, null), categories)).isFalse();
        assertThat(new SuggestionRule("06", EmergencyClass.NATURAL_DISASTER, "x").matches(aCase("0607", null, null),
                categories)).as("both must match").isFalse();
    }

    // ------------------------------------------------------------------ validation

    @Test
    void aStepWithABadDeadlineIsNamedByFilePlanPhaseStepAndField() throws IOException {
        List<String> problems = problemsAfter(fire -> step(fire, "receive", 1).put("dueMinutes", -5));
        assertThat(problems).containsExactly("residential-fire.json: plan residential-fire: phase receive: step 2 "
                + "(cameras): field \"dueMinutes\": must be a whole number of minutes from 0 to 10080 after "
                + "activation, got -5");
    }

    @Test
    void everyProblemIsReportedAtOnce() throws IOException {
        List<String> problems = problemsAfter(fire -> {
            step(fire, "receive", 0).put("role", "FIREFIGHTER");
            step(fire, "report", 0).withArray("contacts").addObject().put("department", "ZOO");
            step(fire, "first-response", 0).put("requried", true);
            step(fire, "receive", 3).withArray("yes").add("no-such-step");
        });
        assertThat(problems).hasSize(4);
        assertThat(problems.get(0)).startsWith("residential-fire.json: plan residential-fire: phase receive: step 1 "
                + "(confirm): field \"role\": no role FIREFIGHTER in library.json (known: COMMUNITY, DUTY_LEADER, ");
        assertThat(problems.get(1)).isEqualTo("residential-fire.json: plan residential-fire: phase report: step 1 "
                + "(notify-leaders): field \"contacts\": entry 5: no department ZOO in dictionaries/departments.json");
        assertThat(problems.get(2)).startsWith("residential-fire.json: plan residential-fire: phase first-response: "
                + "step 1 (grid-evacuate): unknown field \"requried\" (known: ");
        assertThat(problems.get(3)).isEqualTo("residential-fire.json: plan residential-fire: phase receive: step 4 "
                + "(trapped): field \"yes\": no step no-such-step in plan residential-fire");
    }

    @Test
    void branchesMustOpenLaterStepsOnceAndNeverStrandThem() throws IOException {
        assertThat(problemsAfter(fire -> step(fire, "first-response", 0).put("kind", "BRANCH").withArray("yes")
                .add("confirm"))).containsExactly("residential-fire.json: plan residential-fire: phase first-response: "
                + "step 1 (grid-evacuate): field \"yes\": step confirm must come after the branch it waits for");
        assertThat(problemsAfter(fire -> step(fire, "receive", 3).withArray("no").add("medical")))
                .containsExactly("residential-fire.json: plan residential-fire: phase receive: step 4 (trapped): "
                        + "field \"no\": step medical is already opened by trapped yes (a step waits behind one answer only)");
        assertThat(problemsAfter(fire -> step(fire, "receive", 3).put("level", "II")))
                .hasSize(2).allSatisfy(p -> assertThat(p).contains("is at level IV but its branch only at II"));
        assertThat(problemsAfter(fire -> step(fire, "receive", 0).withArray("yes").add("cameras")))
                .containsExactly("residential-fire.json: plan residential-fire: phase receive: step 1 (confirm): "
                        + "fields \"yes\"/\"no\": only a BRANCH step opens steps (this one is CHECK)");
    }

    @Test
    void stepKindsNeedTheirOwnFields() throws IOException {
        assertThat(problemsAfter(fire -> step(fire, "receive", 1).remove("action"))).containsExactly(
                "residential-fire.json: plan residential-fire: phase receive: step 2 (cameras): field \"action\": "
                        + "missing (one of SHOW_CAMERAS, NOTIFY, EXPORT_CAP, DRAW_CORDON)");
        assertThat(problemsAfter(fire -> step(fire, "report", 0).remove("contacts"))).containsExactly(
                "residential-fire.json: plan residential-fire: phase report: step 1 (notify-leaders): field "
                        + "\"contacts\": a NOTIFY step needs its call tree (leaders, departments)");
        assertThat(problemsAfter(fire -> step(fire, "receive", 0).put("kind", "QUIZ"))).containsExactly(
                "residential-fire.json: plan residential-fire: phase receive: step 1 (confirm): field \"kind\": "
                        + "unknown value \"QUIZ\" (one of CHECK, BRANCH, ACTION)");
        assertThat(problemsAfter(fire -> step(fire, "receive", 0).put("key", "cameras"))).containsExactly(
                "residential-fire.json: plan residential-fire: phase receive: step 2 (cameras): field \"key\": step "
                        + "key cameras is already used by residential-fire.json: plan residential-fire: phase receive: "
                        + "step 1 (cameras)");
    }

    @Test
    void planHeadersAreChecked() throws IOException {
        assertThat(problemsAfter(fire -> fire.put("id", "house-fire"))).containsExactly(
                "residential-fire.json: field \"id\": must be the file's name without .json (residential-fire), got house-fire");
        assertThat(problemsAfter(fire -> ((ObjectNode) fire.get("levels")).remove("II"))).containsExactly(
                "residential-fire.json: plan residential-fire: field \"levels\": level II: missing");
        assertThat(problemsAfter(fire -> fire.put("eventClass", "FIRE"))).containsExactly(
                "residential-fire.json: plan residential-fire: field \"eventClass\": unknown value \"FIRE\" (one of "
                        + "NATURAL_DISASTER, ACCIDENT_DISASTER, PUBLIC_HEALTH, SOCIAL_SECURITY)");
    }

    @Test
    void brokenJsonAndMissingFilesAreNamed() throws IOException {
        Path copy = shippedCopy();
        Files.writeString(copy.resolve("typhoon-flood.json"), "{\n  \"id\": \"typhoon-flood\",\n  \"version\" \n}",
                StandardCharsets.UTF_8);
        Files.delete(copy.resolve("power-outage.json"));
        PlanLibraryException e = catchThrowableOfType(() -> PlanLibrary.load(copy, categories, departments),
                PlanLibraryException.class);
        assertThat(e.problems()).hasSize(2);
        assertThat(e.problems().get(0)).startsWith("typhoon-flood.json: not valid JSON at line 4, column ");
        assertThat(e.problems().get(1)).startsWith("power-outage.json: file not found at ");
        assertThat(e.getMessage()).startsWith("the plan library in " + copy.toAbsolutePath().normalize()
                + " has 2 problems:\n  typhoon-flood.json");
    }

    @Test
    void suggestionRulesMustNameKnownCategoriesAndPlans() throws IOException {
        Path copy = shippedCopy();
        ObjectNode root = (ObjectNode) JSON.readTree(copy.resolve("library.json").toFile());
        ArrayNode rules = root.withArray("suggestions");
        rules.addObject().put("category", "9999").put("plan", "residential-fire");
        rules.addObject().put("plan", "residential-fire");
        rules.addObject().put("eventClass", "PUBLIC_HEALTH").put("plan", "pandemic");
        JSON.writeValue(copy.resolve("library.json").toFile(), root);
        assertThatThrownBy(() -> PlanLibrary.load(copy, categories, departments))
                .isInstanceOf(PlanLibraryException.class)
                .satisfies(t -> assertThat(((PlanLibraryException) t).problems()).containsExactly(
                        "library.json: suggestion 10: field \"category\": no category 9999 in the category dictionary",
                        "library.json: suggestion 11: needs \"category\" or \"eventClass\" (or both): a rule matching "
                                + "every case would suggest a plan for a broken street light",
                        "library.json: suggestion 12: field \"plan\": no plan pandemic in the library"));
    }

    // ------------------------------------------------------------------ helpers

    private static Case aCase(String category, EmergencyClass eventClass, EmergencyLevel level) {
        return Case.builder().id("01J2ZZ8Q3R4S5T6V7W8X9Y0Z1A").channel(Channel.GRID_WORKER).categoryCode(category)
                .priority(Priority.URGENT).eventClass(eventClass).level(level).state(CaseState.ACCEPTED)
                .reportedAt(Instant.parse("2025-07-15T00:45:00Z")).build();
    }

    private Path shippedCopy() throws IOException {
        Path copy = Files.createTempDirectory(dir, "plans");
        try (var files = Files.list(AssetLocator.resolve(PlanLibrary.DEFAULT_FOLDER))) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        return copy;
    }

    /** Loads a copy of the shipped library whose fire plan was changed, and returns the problems found. */
    private List<String> problemsAfter(Consumer<ObjectNode> change) throws IOException {
        Path copy = shippedCopy();
        Path file = copy.resolve("residential-fire.json");
        ObjectNode fire = (ObjectNode) JSON.readTree(file.toFile());
        change.accept(fire);
        JSON.writeValue(file.toFile(), fire);
        PlanLibraryException e = catchThrowableOfType(() -> PlanLibrary.load(copy, categories, departments),
                PlanLibraryException.class);
        assertThat(e).as("the changed library is refused").isNotNull();
        return e.problems();
    }

    private static ObjectNode step(ObjectNode plan, String phaseKey, int index) {
        for (var phase : plan.get("phases")) {
            if (phase.get("key").asText().equals(phaseKey)) {
                return (ObjectNode) phase.get("steps").get(index);
            }
        }
        throw new IllegalArgumentException("no phase " + phaseKey);
    }
}
