package org.gridcommand.plans;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.gridcommand.cases.Case;
import org.gridcommand.cases.CategoryDictionary;
import org.gridcommand.cases.EmergencyLevel;
import org.gridcommand.common.AssetLocator;
import org.gridcommand.directory.Department;
import org.gridcommand.directory.DepartmentDirectory;

/**
 * The emergency plans of the centre ({@code assets/plans/}): the plans themselves, the roles that do their steps,
 * the leaders of their call trees and the table that suggests a plan for a case. Data, not code: a customer
 * replaces the files with the district's own plans. Loaded whole or refused ({@link PlanLibraryLoader}).
 */
public final class PlanLibrary {
    public static final String DEFAULT_FOLDER = "plans";

    private final int version;
    private final Map<String, PlanRole> roles;
    private final Map<String, Leader> leaders;
    private final Map<String, PlanDefinition> plans;
    private final List<SuggestionRule> suggestions;
    private final CategoryDictionary categories;
    private final DepartmentDirectory departments;

    PlanLibrary(int version, List<PlanRole> roles, List<Leader> leaders, List<PlanDefinition> plans,
                List<SuggestionRule> suggestions, CategoryDictionary categories, DepartmentDirectory departments) {
        this.version = version;
        this.roles = index(roles, PlanRole::code);
        this.leaders = index(leaders, Leader::code);
        this.plans = index(plans, PlanDefinition::id);
        this.suggestions = List.copyOf(suggestions);
        this.categories = Objects.requireNonNull(categories, "categories");
        this.departments = Objects.requireNonNull(departments, "departments");
    }

    private static <T> Map<String, T> index(List<T> items, java.util.function.Function<T, String> key) {
        Map<String, T> map = new LinkedHashMap<>();
        items.forEach(i -> map.put(key.apply(i), i));
        return java.util.Collections.unmodifiableMap(map);
    }

    /** The shipped library in {@code assets/plans/}. */
    public static PlanLibrary loadDefault(CategoryDictionary categories, DepartmentDirectory departments) {
        return load(AssetLocator.resolve(DEFAULT_FOLDER), categories, departments);
    }

    /** @throws PlanLibraryException naming every problem of every file */
    public static PlanLibrary load(Path folder, CategoryDictionary categories, DepartmentDirectory departments) {
        return new PlanLibraryLoader(folder, categories, departments).load();
    }

    /** The library's own revision (library.json "version"). */
    public int version() {
        return version;
    }

    /** Plans in the order library.json lists them. */
    public List<PlanDefinition> plans() {
        return List.copyOf(plans.values());
    }

    public Optional<PlanDefinition> find(String planId) {
        return Optional.ofNullable(plans.get(planId));
    }

    public List<PlanRole> roles() {
        return List.copyOf(roles.values());
    }

    public Optional<PlanRole> role(String code) {
        return Optional.ofNullable(roles.get(code));
    }

    public List<Leader> leaders() {
        return List.copyOf(leaders.values());
    }

    public Optional<Leader> leader(String code) {
        return Optional.ofNullable(leaders.get(code));
    }

    public List<SuggestionRule> suggestions() {
        return suggestions;
    }

    /**
     * The plan fitting the case by the suggestion table (first matching rule), at the case's level, or IV when the
     * case is not graded yet; empty for a closed case or when no rule matches.
     */
    public Optional<PlanSuggestion> suggest(Case c) {
        if (c == null || !c.isOpen()) {
            return Optional.empty();
        }
        for (SuggestionRule rule : suggestions) {
            if (rule.matches(c, categories)) {
                EmergencyLevel level = c.level() == null ? EmergencyLevel.IV : c.level();
                return Optional.of(new PlanSuggestion(plans.get(rule.planId()), level, rule));
            }
        }
        return Optional.empty();
    }

    /** Who the contact is, in the language asked ("带班领导", "Fire and Rescue Brigade"). */
    public String contactName(ContactRef contact, Locale locale) {
        return switch (contact.kind()) {
            case LEADER -> leader(contact.code()).map(l -> l.name().in(locale)).orElse(contact.code());
            case DEPARTMENT -> departments.find(contact.code()).map(d -> d.name().in(locale)).orElse(contact.code());
        };
    }

    /** The number the contact is reached on: the leader's phone, the department's hotline. */
    public String contactAddress(ContactRef contact) {
        return switch (contact.kind()) {
            case LEADER -> leader(contact.code()).map(Leader::phone).orElse("");
            case DEPARTMENT -> departments.find(contact.code()).map(Department::hotline).orElse("");
        };
    }

    /** The category dictionary the suggestion rules were checked against. */
    public CategoryDictionary categories() {
        return categories;
    }

    DepartmentDirectory departments() {
        return departments;
    }
}
