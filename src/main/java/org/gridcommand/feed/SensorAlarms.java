package org.gridcommand.feed;

import java.util.Locale;
import java.util.Optional;
import org.gridcommand.cases.CaseReport;
import org.gridcommand.cases.Channel;
import org.gridcommand.geo.Datum;

/**
 * A sensor alarm as the case it opens in the queue: channel SENSOR, the minor category its kind names
 * (smoke → fire …), at the sensor, reported by the sensor, with the alarm's sender and id as the report id (so a
 * redelivered alarm finds its case). Alarms of kinds without a category open no case.
 */
public final class SensorAlarms {
    private SensorAlarms() {
    }

    public static Optional<CaseReport> toReport(SensorAlarm alarm, SensorRegistry sensors) {
        Optional<SensorKind> kind = sensors.kind(alarm.kind());
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        Optional<Sensor> sensor = sensors.find(alarm.sensorId());
        String reading = Double.isNaN(alarm.value()) ? ""
                : String.format(Locale.ROOT, ": %s %s", strip(alarm.value()), alarm.unit() == null ? kind.get().unit()
                : alarm.unit());
        String description = kind.get().name().zh() + " " + alarm.sensorId() + " 报警" + reading + " / "
                + kind.get().name().en() + " " + alarm.sensorId() + " alarm" + reading;
        return Optional.of(CaseReport.builder()
                .channel(Channel.SENSOR)
                .reportId(MessageKey.of(alarm).reportId())
                .receivedVia("field feed, sensor " + alarm.sensorId() + ", message " + alarm.messageId())
                .reportedBy(alarm.sensorId())
                .categoryCode(kind.get().caseCategory())
                .lon(alarm.position().lon()).lat(alarm.position().lat()).datum(Datum.WGS84)
                .address(sensor.map(s -> s.name().zh()).orElse(null))
                .description(description)
                .reportedAt(alarm.at())
                .build());
    }

    private static String strip(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
