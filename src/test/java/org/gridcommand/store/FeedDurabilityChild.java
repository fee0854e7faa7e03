package org.gridcommand.store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.gridcommand.common.ChangeBus;
import org.gridcommand.feed.FeedBatch;
import org.gridcommand.feed.FeedDelivery;
import org.gridcommand.feed.FieldMessage;
import org.gridcommand.feed.GpsFix;
import org.gridcommand.feed.QuarantineReason;
import org.gridcommand.feed.Quarantined;
import org.gridcommand.feed.WorkerStatus;
import org.gridcommand.geo.GeoPoint;

/**
 * The process FeedDurabilityAfterKillTest kills: commits feed batches forever and prints "ACK n" only after
 * the commit of batch n returned. Batch n holds {@link #FIXES} new GPS fixes, a status change and a
 * quarantined message, plus a redelivery of half of batch n-1 (as a broker does after a lost PUBACK).
 */
public final class FeedDurabilityChild {
    static final int FIXES = 500;
    static final int WORKERS = 10;
    static final Instant BASE = Instant.parse("2025-03-01T00:00:00Z");

    private FeedDurabilityChild() {
    }

    static String fixId(long batch, int i) {
        return "fix-" + batch + "-" + i;
    }

    static List<FieldMessage> messages(long batch) {
        List<FieldMessage> messages = new ArrayList<>();
        for (int i = 0; i < FIXES; i++) {
            long n = batch * FIXES + i;
            messages.add(new GpsFix(fixId(batch, i), "worker-" + (i % WORKERS), BASE.plusMillis(n * 100),
                    new GeoPoint(113.55 + (n % 1000) * 1e-5, 22.27), 5));
        }
        messages.add(new WorkerStatus("status-" + batch, "worker-" + (batch % WORKERS), BASE.plusSeconds(batch),
                batch % 2 == 0));
        return messages;
    }

    public static void main(String[] args) throws Exception {
        KilledChild.startOrphanGuard();
        Database db = Database.openH2(Path.of(args[0]), new ChangeBus());
        for (long n = 1; ; n++) {
            List<FieldMessage> accepted = new ArrayList<>(messages(n));
            if (n > 1) {
                accepted.addAll(messages(n - 1).subList(0, FIXES / 2));
            }
            Quarantined bad = Quarantined.of(new FeedDelivery("gc/v1/gps/x", new byte[] {(byte) n, 0, (byte) 0xff}, BASE,
                    () -> { }), QuarantineReason.MALFORMED_JSON, "batch " + n, "x", "bad-" + n);
            db.feed().commit(new FeedBatch(accepted, List.of(bad)));
            System.out.println("ACK " + n);
            System.out.flush();
        }
    }
}
