package org.gridcommand.plans;

import org.gridcommand.cases.Case;
import org.gridcommand.cases.CategoryDictionary;
import org.gridcommand.cases.EmergencyClass;

/**
 * One line of the library's suggestion table: a case whose category (a minor code, or any minor of a major
 * code) and/or event class match gets the plan suggested. A rule names at least one of the two; with both,
 * both must match. The first matching rule wins.
 */
public record SuggestionRule(String category, EmergencyClass eventClass, String planId) {
    public boolean matches(Case c, CategoryDictionary categories) {
        if (eventClass != null && c.eventClass() != eventClass) {
            return false;
        }
        if (category == null) {
            return true;
        }
        String code = c.categoryCode();
        if (code == null) {
            return false;
        }
        if (code.equals(category)) {
            return true;
        }
        return categories.find(code).map(cat -> category.equals(cat.majorCode())).orElse(false);
    }

    /** "category 0601", "event class SOCIAL_SECURITY", "category 0401 and event class SOCIAL_SECURITY". */
    public String describe() {
        String byCategory = category == null ? null : "category " + category;
        String byClass = eventClass == null ? null : "event class " + eventClass;
        return byCategory == null ? byClass : byClass == null ? byCategory : byCategory + " and " + byClass;
    }
}
