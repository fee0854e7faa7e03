package org.gridcommand.common;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Publishes store changes to listeners, on the thread that committed them. Listeners must be quick
 * and must hand UI work to the FX thread themselves; one failing listener does not stop the others.
 */
public final class ChangeBus {
    private final List<Consumer<ChangeEvent>> listeners = new CopyOnWriteArrayList<>();

    public Runnable subscribe(Consumer<ChangeEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public void publish(ChangeEvent event) {
        for (Consumer<ChangeEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                System.getLogger(ChangeBus.class.getName())
                        .log(System.Logger.Level.WARNING, "change listener failed on " + event, e);
            }
        }
    }
}
