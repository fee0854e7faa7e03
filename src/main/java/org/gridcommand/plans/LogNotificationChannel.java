package org.gridcommand.plans;

/**
 * The channel of a seat without a messaging gateway: each notification is written to the application log and
 * answered RECORDED, so the store holds who was to be told what and when, and the officer makes the calls.
 */
public final class LogNotificationChannel implements NotificationChannel {
    private static final System.Logger LOG = System.getLogger(LogNotificationChannel.class.getName());

    @Override
    public String name() {
        return "log";
    }

    @Override
    public Delivery send(Notification n) {
        LOG.log(System.Logger.Level.INFO, "notify {0} ({1}) for case {2}, step {3}: {4}", n.contactName(), n.address(),
                n.caseId(), n.stepKey(), n.message());
        return new Delivery(DeliveryState.RECORDED, "logged; no gateway at this seat: call " + n.address());
    }
}
