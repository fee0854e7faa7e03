package org.gridcommand.ui.handover;

import java.util.List;
import java.util.function.Supplier;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;
import org.gridcommand.app.AppContext;
import org.gridcommand.camera.CameraStatusBoard;
import org.gridcommand.duty.Operator;
import org.gridcommand.handover.HandoverService;
import org.gridcommand.fx.UiExecutor;

/**
 * The console's way into the handover: Ctrl+H opens it, and when an officer signs on while the previous shift's
 * handover waits, it opens by itself. The service reads the console's camera board, so the context builds it
 * for this console ({@link AppContext#handoverService}) when it is first needed: that reads the shift and policy
 * files and builds the grid index, work the console's start does not wait for (the check at sign-on runs it in
 * the background).
 */
public final class HandoverLauncher {
    private static final System.Logger LOG = System.getLogger(HandoverLauncher.class.getName());

    private final AppContext context;
    private final CameraStatusBoard cameraStatus;
    private HandoverService service;
    private final Supplier<Scene> scene;
    private final UiExecutor ui;
    private HandoverView open;

    public HandoverLauncher(AppContext context, CameraStatusBoard cameraStatus, Supplier<Scene> scene, UiExecutor ui) {
        this.context = context;
        this.scene = scene;
        this.ui = ui;
        this.cameraStatus = cameraStatus;
    }

    /** The service, built on first use (on whichever thread asks first). */
    public synchronized HandoverService service() {
        if (service == null) {
            service = context.handoverService(cameraStatus);
        }
        return service;
    }

    /** Opens (or brings forward) the handover window. FX thread. */
    public HandoverView open() {
        if (open != null && open.stage().isShowing()) {
            open.stage().toFront();
            return open;
        }
        Scene s = scene.get();
        open = new HandoverView(new HandoverViewModel(service(), context.messages(), context.zone(), ui), context.messages(),
                context.zone(), s == null ? null : s.getWindow(), s == null ? List.of() : s.getStylesheets());
        open.show();
        return open;
    }

    /** The window last opened, or null. */
    public HandoverView view() {
        return open;
    }

    /**
     * Each time an officer signs on, tells {@code waiting} (FX thread) whether the previous shift's handover waits
     * for someone to take it over.
     */
    public void offerAtSignOn(ObservableValue<Operator> operator, java.util.function.Consumer<Boolean> waiting) {
        operator.addListener((o, was, now) -> {
            if (now != null) {
                checkPending(waiting);
            }
        });
        if (operator.getValue() != null) {
            checkPending(waiting);
        }
    }

    private void checkPending(java.util.function.Consumer<Boolean> waiting) {
        ui.background(() -> service().pending().isPresent(), waiting,
                error -> LOG.log(System.Logger.Level.WARNING, "could not check for a pending shift handover", error));
    }
}
