package org.gridcommand.plans;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gridcommand.cases.CategoryDictionary;
import org.gridcommand.cases.EmergencyClass;
import org.gridcommand.cases.EmergencyLevel;
import org.gridcommand.common.BilingualName;
import org.gridcommand.directory.DepartmentDirectory;

/**
 * Reads {@code library.json} and the plan files it lists, checking everything before anything is used, and
 * collects every problem rather than stopping at the first: whoever edits the plans fixes them in one go. Each
 * problem names the file, the plan, the phase, the step (number and key) and the field.
 */
final class PlanLibraryLoader {
    static final String LIBRARY_FILE = "library.json";
    /** A week: a step due later than that is a typo (hours written as minutes), not a plan. */
    static final int MAX_DUE_MINUTES = 7 * 24 * 60;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CODE = "[A-Z][A-Z0-9_]*";
    private static final String KEY = "[a-z][a-z0-9-]*";
    private static final Set<String> LIBRARY_FIELDS = Set.of("version", "roles", "leaders", "plans", "suggestions");
    private static final Set<String> PLAN_FIELDS = Set.of("id", "version", "zh", "en", "eventClass", "levels", "phases");
    private static final Set<String> PHASE_FIELDS = Set.of("key", "zh", "en", "steps");
    private static final Set<String> STEP_FIELDS = Set.of("key", "zh", "en", "role", "level", "dueMinutes", "required",
            "kind", "action", "contacts", "yes", "no");

    private final Path folder;
    private final CategoryDictionary categories;
    private final DepartmentDirectory departments;
    private final List<String> problems = new ArrayList<>();

    PlanLibraryLoader(Path folder, CategoryDictionary categories, DepartmentDirectory departments) {
        this.folder = folder;
        this.categories = categories;
        this.departments = departments;
    }

    PlanLibrary load() {
        JsonNode root = read(folder.resolve(LIBRARY_FILE), LIBRARY_FILE);
        if (root == null) {
            throw refused();
        }
        String where = LIBRARY_FILE + ": ";
        unknownFields(root, LIBRARY_FIELDS, where);
        int version = root.path("version").canConvertToInt() && root.path("version").isIntegralNumber()
                && root.path("version").asInt() > 0 ? root.path("version").asInt() : -1;
        if (version < 0) {
            problem(where + "field \"version\": must be a positive whole number, got " + shown(root.get("version")));
        }
        List<PlanRole> roles = new ArrayList<>();
        for (Entry e : entries(root, "roles", where)) {
            String code = code(e.node(), "code", e.where());
            BilingualName name = name(e.node(), e.where());
            if (code != null && name != null && unique(roles.stream().map(PlanRole::code).toList(), code, e.where())) {
                roles.add(new PlanRole(code, name));
            }
        }
        List<Leader> leaders = new ArrayList<>();
        for (Entry e : entries(root, "leaders", where)) {
            String code = code(e.node(), "code", e.where());
            BilingualName name = name(e.node(), e.where());
            String phone = text(e.node(), "phone", e.where());
            if (phone != null && !phone.matches("[0-9][0-9-]{1,19}")) {
                problem(e.where() + "field \"phone\": not a phone number: " + phone);
                phone = null;
            }
            if (code != null && name != null && phone != null
                    && unique(leaders.stream().map(Leader::code).toList(), code, e.where())) {
                leaders.add(new Leader(code, name, phone));
            }
        }
        Set<String> roleCodes = new HashSet<>(roles.stream().map(PlanRole::code).toList());
        Set<String> leaderCodes = new HashSet<>(leaders.stream().map(Leader::code).toList());

        Map<String, PlanDefinition> plans = new LinkedHashMap<>();
        JsonNode files = root.get("plans");
        if (files == null || !files.isArray() || files.isEmpty()) {
            problem(where + "field \"plans\": must list the plan files, e.g. [\"residential-fire.json\"]");
        } else {
            for (int i = 0; i < files.size(); i++) {
                JsonNode f = files.get(i);
                if (!f.isTextual() || !f.asText().matches(KEY + "\\.json")) {
                    problem(where + "field \"plans\": entry " + (i + 1) + ": not a plan file name (lower-case-words.json): "
                            + shown(f));
                    continue;
                }
                PlanDefinition plan = readPlan(f.asText(), roleCodes, leaderCodes);
                if (plan != null) {
                    if (plans.containsKey(plan.id())) {
                        problem(where + "field \"plans\": entry " + (i + 1) + ": plan " + plan.id() + " is listed twice");
                    } else {
                        plans.put(plan.id(), plan);
                    }
                }
            }
        }

        List<SuggestionRule> rules = new ArrayList<>();
        for (Entry e : entries(root, "suggestions", where)) {
            unknownFields(e.node(), Set.of("category", "eventClass", "plan"), e.where());
            String category = optionalText(e.node(), "category", e.where());
            if (category != null && categories.find(category).isEmpty()) {
                problem(e.where() + "field \"category\": no category " + category + " in the category dictionary");
                category = null;
            }
            EmergencyClass eventClass = optionalEnum(e.node(), "eventClass", EmergencyClass.class, e.where());
            String planId = text(e.node(), "plan", e.where());
            if (!e.node().hasNonNull("category") && !e.node().hasNonNull("eventClass")) {
                problem(e.where() + "needs \"category\" or \"eventClass\" (or both): a rule matching every case "
                        + "would suggest a plan for a broken street light");
            }
            if (planId != null && !plans.containsKey(planId) && !planFileListed(files, planId)) {
                problem(e.where() + "field \"plan\": no plan " + planId + " in the library");
            } else if (planId != null && (category != null || eventClass != null)) {
                rules.add(new SuggestionRule(category, eventClass, planId));
            }
        }
        if (!problems.isEmpty()) {
            throw refused();
        }
        return new PlanLibrary(version, roles, leaders, List.copyOf(plans.values()), rules, categories, departments);
    }

    private PlanLibraryException refused() {
        return new PlanLibraryException("in " + folder.toAbsolutePath().normalize(), problems);
    }

    /** A plan whose file is listed but broken was already reported; its rules are not reported again. */
    private static boolean planFileListed(JsonNode files, String planId) {
        if (files == null || !files.isArray()) {
            return false;
        }
        for (JsonNode f : files) {
            if ((planId + ".json").equals(f.asText())) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ one plan file

    private PlanDefinition readPlan(String fileName, Set<String> roles, Set<String> leaders) {
        JsonNode root = read(folder.resolve(fileName), fileName);
        if (root == null) {
            return null;
        }
        int before = problems.size();
        String fileWhere = fileName + ": ";
        unknownFields(root, PLAN_FIELDS, fileWhere);
        String id = text(root, "id", fileWhere);
        String expectedId = fileName.substring(0, fileName.length() - ".json".length());
        if (id != null && !id.equals(expectedId)) {
            problem(fileWhere + "field \"id\": must be the file's name without .json (" + expectedId + "), got " + id);
        }
        String where = fileWhere + "plan " + (id == null ? expectedId : id) + ": ";
        String version = text(root, "version", where);
        if (version != null && version.length() > 40) {
            problem(where + "field \"version\": longer than 40 characters");
        }
        BilingualName name = name(root, where);
        EmergencyClass eventClass = requiredEnum(root, "eventClass", EmergencyClass.class, where);
        Map<EmergencyLevel, BilingualName> levels = levels(root, where);

        List<PhaseDefinition> phases = new ArrayList<>();
        Map<String, String> stepWhere = new LinkedHashMap<>();
        List<Entry> phaseEntries = entries(root, "phases", where);
        Set<String> phaseKeys = new HashSet<>();
        for (Entry pe : phaseEntries) {
            JsonNode p = pe.node();
            String phaseKey = key(p, pe.where());
            String phaseWhere = phaseKey == null ? pe.where() : where + "phase " + phaseKey + ": ";
            unknownFields(p, PHASE_FIELDS, phaseWhere);
            if (phaseKey != null && !phaseKeys.add(phaseKey)) {
                problem(phaseWhere + "field \"key\": phase key " + phaseKey + " is used twice");
            }
            BilingualName phaseName = name(p, phaseWhere);
            List<StepDefinition> steps = new ArrayList<>();
            for (Entry se : entries(p, "steps", phaseWhere)) {
                StepDefinition step = readStep(se.node(), phaseWhere, se.number(), roles, leaders, stepWhere);
                if (step != null) {
                    steps.add(step);
                }
            }
            if (phaseKey != null && phaseName != null) {
                phases.add(new PhaseDefinition(phaseKey, phaseName, steps));
            }
        }
        List<StepDefinition> parsed = new ArrayList<>();
        phases.forEach(p -> parsed.addAll(p.steps()));
        checkBranches(id == null ? expectedId : id, parsed, stepWhere);
        if (!parsed.isEmpty() && parsed.stream().noneMatch(s -> s.level() == EmergencyLevel.IV)) {
            problem(where + "no step at level IV: a run at level IV would be an empty checklist");
        }
        if (problems.size() > before || id == null || version == null || name == null || eventClass == null) {
            return null;
        }
        return new PlanDefinition(id, version, name, eventClass, levels, phases);
    }

    private Map<EmergencyLevel, BilingualName> levels(JsonNode root, String where) {
        Map<EmergencyLevel, BilingualName> levels = new EnumMap<>(EmergencyLevel.class);
        JsonNode node = root.get("levels");
        if (node == null || !node.isObject()) {
            problem(where + "field \"levels\": must say for each of I, II, III and IV who leads the response "
                    + "({\"IV\": {\"zh\": …, \"en\": …}, …})");
            return levels;
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String n = names.next();
            try {
                EmergencyLevel.valueOf(n);
            } catch (IllegalArgumentException e) {
                problem(where + "field \"levels\": unknown level " + n + " (expected I, II, III, IV)");
            }
        }
        for (EmergencyLevel level : EmergencyLevel.values()) {
            JsonNode l = node.get(level.name());
            String levelWhere = where + "field \"levels\": level " + level + ": ";
            if (l == null || !l.isObject()) {
                problem(levelWhere + "missing");
                continue;
            }
            BilingualName n = name(l, levelWhere);
            if (n != null) {
                levels.put(level, n);
            }
        }
        return levels;
    }

    private StepDefinition readStep(JsonNode s, String phaseWhere, int number, Set<String> roles, Set<String> leaders,
                                    Map<String, String> stepWhere) {
        String shownKey = s.path("key").isTextual() ? s.get("key").asText() : null;
        String where = phaseWhere + "step " + number + (shownKey == null ? "" : " (" + shownKey + ")") + ": ";
        int before = problems.size();
        unknownFields(s, STEP_FIELDS, where);
        String key = key(s, where);
        if (key != null && stepWhere.putIfAbsent(key, where) != null) {
            problem(where + "field \"key\": step key " + key + " is already used by " + stepWhere.get(key)
                    .replaceAll(": $", ""));
        }
        BilingualName title = name(s, where);
        String role = text(s, "role", where);
        if (role != null && !roles.contains(role)) {
            problem(where + "field \"role\": no role " + role + " in library.json (known: " + String.join(", ",
                    roles.stream().sorted().toList()) + ")");
        }
        EmergencyLevel level = s.has("level") ? requiredEnum(s, "level", EmergencyLevel.class, where) : EmergencyLevel.IV;
        JsonNode due = s.get("dueMinutes");
        int dueMinutes = -1;
        if (due == null || !due.isIntegralNumber() || !due.canConvertToInt() || due.asInt() < 0
                || due.asInt() > MAX_DUE_MINUTES) {
            problem(where + "field \"dueMinutes\": must be a whole number of minutes from 0 to " + MAX_DUE_MINUTES
                    + " after activation, got " + shown(due));
        } else {
            dueMinutes = due.asInt();
        }
        JsonNode requiredNode = s.get("required");
        if (requiredNode == null || !requiredNode.isBoolean()) {
            problem(where + "field \"required\": must be true or false, got " + shown(requiredNode));
        }
        StepKind kind = requiredEnum(s, "kind", StepKind.class, where);
        ActionKind action = null;
        if (kind == StepKind.ACTION) {
            action = requiredEnum(s, "action", ActionKind.class, where);
        } else if (s.has("action")) {
            problem(where + "field \"action\": only an ACTION step has an action (this one is " + kind + ")");
        }
        int beforeContacts = problems.size();
        List<ContactRef> contacts = contacts(s, where, leaders);
        if (action == ActionKind.NOTIFY && contacts.isEmpty() && problems.size() == beforeContacts) {
            problem(where + "field \"contacts\": a NOTIFY step needs its call tree (leaders, departments)");
        }
        List<String> yes = keys(s, "yes", where);
        List<String> no = keys(s, "no", where);
        if (kind == StepKind.BRANCH) {
            if (yes.isEmpty() && no.isEmpty()) {
                problem(where + "fields \"yes\"/\"no\": a BRANCH step must open at least one step for an answer "
                        + "(a question that opens nothing is a CHECK)");
            }
        } else if (s.has("yes") || s.has("no")) {
            problem(where + "fields \"yes\"/\"no\": only a BRANCH step opens steps (this one is " + kind + ")");
        }
        if (problems.size() > before) {
            return null;
        }
        return new StepDefinition(key, title, role, level, dueMinutes, requiredNode.asBoolean(), kind, action, contacts,
                yes, no);
    }

    private List<ContactRef> contacts(JsonNode s, String where, Set<String> leaders) {
        List<ContactRef> result = new ArrayList<>();
        JsonNode node = s.get("contacts");
        if (node == null) {
            return result;
        }
        if (!node.isArray()) {
            problem(where + "field \"contacts\": must be a list of {\"leader\": CODE} or {\"department\": CODE}");
            return result;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode c = node.get(i);
            String cw = where + "field \"contacts\": entry " + (i + 1) + ": ";
            if (!c.isObject() || c.size() != 1 || !(c.has("leader") || c.has("department"))) {
                problem(cw + "must be {\"leader\": CODE} or {\"department\": CODE}, got " + shown(c));
                continue;
            }
            ContactRef ref;
            if (c.has("leader")) {
                String code = c.get("leader").asText("");
                if (!leaders.contains(code)) {
                    problem(cw + "no leader " + code + " in library.json");
                    continue;
                }
                ref = ContactRef.leader(code);
            } else {
                String code = c.get("department").asText("");
                if (departments.find(code).isEmpty()) {
                    problem(cw + "no department " + code + " in dictionaries/departments.json");
                    continue;
                }
                ref = ContactRef.department(code);
            }
            if (result.contains(ref)) {
                problem(cw + ref.kind().name().toLowerCase(Locale.ROOT) + " " + ref.code() + " is listed twice");
            } else {
                result.add(ref);
            }
        }
        return result;
    }

    private List<String> keys(JsonNode s, String field, String where) {
        JsonNode node = s.get(field);
        List<String> result = new ArrayList<>();
        if (node == null) {
            return result;
        }
        if (!node.isArray()) {
            problem(where + "field \"" + field + "\": must be a list of step keys");
            return result;
        }
        for (JsonNode k : node) {
            if (!k.isTextual() || !k.asText().matches(KEY)) {
                problem(where + "field \"" + field + "\": not a step key: " + shown(k));
            } else {
                result.add(k.asText());
            }
        }
        return result;
    }

    /**
     * Branch targets: known, later in the plan, behind one branch only, never in a run without their branch.
     * Runs on the steps that parsed; a target whose own entry is broken was reported already.
     */
    private void checkBranches(String planId, List<StepDefinition> steps, Map<String, String> stepWhere) {
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            position.put(steps.get(i).key(), i);
        }
        Map<String, String> gatedBy = new HashMap<>();
        for (StepDefinition branch : steps) {
            for (Answer answer : Answer.values()) {
                String field = answer == Answer.YES ? "yes" : "no";
                for (String target : branch.opens(answer)) {
                    String where = stepWhere.get(branch.key()) + "field \"" + field + "\": ";
                    Integer at = position.get(target);
                    if (at == null) {
                        if (!stepWhere.containsKey(target)) {
                            problem(where + "no step " + target + " in plan " + planId);
                        }
                        continue;
                    }
                    if (at <= position.get(branch.key())) {
                        problem(where + "step " + target + " must come after the branch it waits for");
                        continue;
                    }
                    String earlier = gatedBy.putIfAbsent(target, branch.key() + " " + field);
                    if (earlier != null) {
                        problem(where + "step " + target + " is already opened by " + earlier
                                + " (a step waits behind one answer only)");
                        continue;
                    }
                    StepDefinition t = steps.get(at);
                    if (t.level().ordinal() > branch.level().ordinal()) {
                        problem(where + "step " + target + " is at level " + t.level() + " but its branch only at "
                                + branch.level() + ": a run at " + t.level() + " would have it wait for a question "
                                + "nobody is asked");
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    private record Entry(JsonNode node, String where, int number) {
    }

    private JsonNode read(Path file, String name) {
        if (!Files.isRegularFile(file)) {
            problem(name + ": file not found at " + file.toAbsolutePath().normalize());
            return null;
        }
        try {
            JsonNode root = JSON.readTree(Files.readAllBytes(file));
            if (root == null || !root.isObject()) {
                problem(name + ": must hold one JSON object");
                return null;
            }
            return root;
        } catch (JsonProcessingException e) {
            problem(name + ": not valid JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
            return null;
        } catch (IOException e) {
            problem(name + ": cannot be read: " + e.getMessage());
            return null;
        }
    }

    private List<Entry> entries(JsonNode parent, String field, String where) {
        JsonNode node = parent.get(field);
        List<Entry> result = new ArrayList<>();
        if (node == null || !node.isArray() || node.isEmpty()) {
            problem(where + "field \"" + field + "\": must be a non-empty list");
            return result;
        }
        String singular = field.endsWith("s") ? field.substring(0, field.length() - 1) : field;
        for (int i = 0; i < node.size(); i++) {
            String w = where + singular + " " + (i + 1) + ": ";
            if (!node.get(i).isObject()) {
                problem(w + "not an object");
                continue;
            }
            result.add(new Entry(node.get(i), w, i + 1));
        }
        return result;
    }

    private void unknownFields(JsonNode node, Set<String> known, String where) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String n = names.next();
            if (!known.contains(n) && !n.startsWith("_")) {
                problem(where + "unknown field \"" + n + "\" (known: " + String.join(", ", known.stream().sorted().toList())
                        + "; comments start with _)");
            }
        }
    }

    private String text(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            problem(where + "field \"" + field + "\": missing or empty");
            return null;
        }
        return v.asText().strip();
    }

    private String optionalText(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            problem(where + "field \"" + field + "\": must be text, got " + shown(v));
            return null;
        }
        return v.asText().strip();
    }

    private String code(JsonNode node, String field, String where) {
        String code = text(node, field, where);
        if (code != null && !code.matches(CODE)) {
            problem(where + "field \"" + field + "\": must be upper-case letters, digits or _, got " + code);
            return null;
        }
        return code;
    }

    private String key(JsonNode node, String where) {
        String key = text(node, "key", where);
        if (key != null && !key.matches(KEY)) {
            problem(where + "field \"key\": must be lower-case letters, digits and -, got " + key);
            return null;
        }
        return key;
    }

    private BilingualName name(JsonNode node, String where) {
        String zh = text(node, "zh", where);
        String en = text(node, "en", where);
        return zh == null || en == null ? null : new BilingualName(zh, en);
    }

    private <E extends Enum<E>> E requiredEnum(JsonNode node, String field, Class<E> type, String where) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            problem(where + "field \"" + field + "\": missing (one of " + names(type) + ")");
            return null;
        }
        return optionalEnum(node, field, type, where);
    }

    private <E extends Enum<E>> E optionalEnum(JsonNode node, String field, Class<E> type, String where) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        try {
            return Enum.valueOf(type, v.asText(""));
        } catch (IllegalArgumentException e) {
            problem(where + "field \"" + field + "\": unknown value " + shown(v) + " (one of " + names(type) + ")");
            return null;
        }
    }

    private static String names(Class<? extends Enum<?>> type) {
        List<String> names = new ArrayList<>();
        for (Enum<?> e : type.getEnumConstants()) {
            names.add(e.name());
        }
        return String.join(", ", names);
    }

    private boolean unique(List<String> existing, String code, String where) {
        if (existing.contains(code)) {
            problem(where + "duplicate code " + code);
            return false;
        }
        return true;
    }

    private static String shown(JsonNode v) {
        return v == null ? "nothing" : v.toString();
    }

    private void problem(String text) {
        problems.add(text);
    }
}
