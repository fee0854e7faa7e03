package org.gridcommand.ui.queue;

import java.nio.file.Path;
import java.util.Objects;
import org.gridcommand.cases.Case;
import org.gridcommand.ui.shared.CaseTexts;

/**
 * The queue's CAP export (P) apart from the save dialog: whether the selected case may be exported now, the
 * write off the FX thread (one at a time), and what the queue's message strip says about it. The file itself is
 * written by the application's export ({@code AppContext.exportCap}: the case as the store holds it now, status
 * Actual, Exercise in a drill). FX thread.
 */
public final class CapExportViewModel {
    private static final System.Logger LOG = System.getLogger(CapExportViewModel.class.getName());

    /** Writes a case, as the store holds it now, to a file and returns it; blocking (called in the background). */
    @FunctionalInterface
    public interface Exporter {
        Path export(String caseId, Path target);
    }

    private final CaseQueueViewModel queue;
    private final CaseTexts texts;
    private final Exporter exporter;
    private boolean exporting;

    public CapExportViewModel(CaseQueueViewModel queue, Exporter exporter) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.texts = queue.texts();
        this.exporter = Objects.requireNonNull(exporter, "exporter");
    }

    /**
     * The selected case when it may be exported now; else null, and the message strip says why (nothing
     * selected, a voided case, an export still writing).
     */
    public Case caseToExport() {
        Case c = queue.selectedCaseProperty().get();
        if (c == null) {
            queue.showMessage(texts.get("triage.noSelection"), true);
            return null;
        }
        if (!TriageController.allows(c, Triage.EXPORT_CAP)) {
            queue.showMessage(texts.get("cap.voided"), true);
            return null;
        }
        if (exporting) {
            queue.showMessage(texts.get("triage.busy"), true);
            return null;
        }
        return c;
    }

    /**
     * Writes {@code c} to {@code target} off the FX thread; the message strip says it is working, then where the
     * file went or why it did not; {@code after} runs on the FX thread when it is over either way.
     */
    public void export(Case c, Path target, Runnable after) {
        Objects.requireNonNull(c, "case");
        Objects.requireNonNull(target, "target");
        Runnable done = after == null ? () -> { } : after;
        exporting = true;
        String id = c.id();
        queue.showMessage(texts.format("cap.working", target.getFileName()), false);
        queue.executor().background(() -> exporter.export(id, target), written -> {
            exporting = false;
            queue.showMessage(texts.format("cap.saved", texts.categoryName(c.categoryCode()), texts.gridName(c),
                    written.toAbsolutePath()), false);
            done.run();
        }, error -> {
            exporting = false;
            LOG.log(System.Logger.Level.WARNING, "CAP export of case " + id + " to " + target + " failed", error);
            queue.showMessage(texts.format("cap.failed", String.valueOf(error.getMessage())), true);
            done.run();
        });
    }

    /** True while an export is being written. */
    public boolean isExporting() {
        return exporting;
    }
}
