package org.gridcommand.plans;

import java.util.List;

/**
 * The plan library was refused: every problem found, each naming its file, plan, phase, step and field. A plan
 * with a broken step is not loaded half: a missing step is worse than a refusal the day the files are edited.
 */
public final class PlanLibraryException extends IllegalArgumentException {
    private final List<String> problems;

    public PlanLibraryException(String where, List<String> problems) {
        super("the plan library " + where + " has " + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                + ":\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    /** One line per problem, e.g. {@code residential-fire.json: plan residential-fire: phase verify: step 2 (check-video): field "dueMinutes": …}. */
    public List<String> problems() {
        return problems;
    }
}
