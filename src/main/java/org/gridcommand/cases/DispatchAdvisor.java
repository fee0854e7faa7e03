package org.gridcommand.cases;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.gridcommand.directory.Department;
import org.gridcommand.directory.DepartmentDirectory;
import org.gridcommand.grid.GridWorker;

/**
 * Whom to dispatch a case to: the on-duty grid workers nearest first by last known position, each with the
 * distance, those of the case's own small grid all listed and marked as its own (the officer may prefer them; they
 * are not forced first), others up to a limit, unknown positions last; and the departments that usually take the case's category. Workers off duty are never suggested. The roster is
 * read on every call, so a worker going off duty drops out at once.
 */
public final class DispatchAdvisor {
    public static final int DEFAULT_LIMIT = 10;

    /**
     * @param distanceMetres from the case's point to the worker's last known position; null when either is unknown
     * @param ownGrid        the worker belongs to the case's small grid
     */
    public record WorkerSuggestion(GridWorker worker, boolean ownGrid, Double distanceMetres) {
    }

    public record Advice(List<WorkerSuggestion> workers, List<Department> departments) {
        public Advice {
            workers = List.copyOf(workers);
            departments = List.copyOf(departments);
        }
    }

    private final Supplier<? extends Collection<GridWorker>> roster;
    private final CategoryDepartments routing;
    private final DepartmentDirectory departments;

    public DispatchAdvisor(Supplier<? extends Collection<GridWorker>> roster, CategoryDepartments routing,
                           DepartmentDirectory departments) {
        this.roster = Objects.requireNonNull(roster, "roster");
        this.routing = Objects.requireNonNull(routing, "routing");
        this.departments = Objects.requireNonNull(departments, "departments");
    }

    public Advice advise(Case aCase) {
        return advise(aCase, DEFAULT_LIMIT);
    }

    /** limit caps the workers from other grids; the case's own grid's on-duty workers are always all listed. */
    public Advice advise(Case aCase, int limit) {
        Objects.requireNonNull(aCase, "aCase");
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        List<WorkerSuggestion> own = new ArrayList<>();
        List<WorkerSuggestion> others = new ArrayList<>();
        for (GridWorker w : roster.get()) {
            if (!w.onDuty()) {
                continue;
            }
            Double metres = aCase.location() == null || w.lastPosition() == null ? null
                    : aCase.location().distanceMetres(w.lastPosition());
            boolean ownGrid = aCase.smallGridCode() != null && w.smallGrid().value().equals(aCase.smallGridCode());
            if (ownGrid) {
                own.add(new WorkerSuggestion(w, true, metres));
            } else if (metres != null) {
                others.add(new WorkerSuggestion(w, false, metres));
            }
        }
        // Unknown distances last, and the id as a tie-breaker so the list does not reorder between calls.
        Comparator<WorkerSuggestion> nearest = Comparator
                .comparing(WorkerSuggestion::distanceMetres, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(s -> s.worker().id());
        others.sort(nearest);
        // Nearest first, whoever's grid it is: a worker 194 m away beats the own grid's 1 km away. The own grid's
        // workers are all listed (marked as such), the others up to the limit.
        List<WorkerSuggestion> result = new ArrayList<>(own);
        result.addAll(others.subList(0, Math.min(limit, others.size())));
        result.sort(nearest);
        List<Department> suggested = routing.departmentsFor(aCase.categoryCode()).stream()
                .flatMap(code -> departments.find(code).stream())
                .toList();
        return new Advice(result, suggested);
    }
}
