package org.gridcommand.grid;

import org.gridcommand.common.BilingualName;
import org.gridcommand.geo.GeoPoint;

/** A grid worker (网格员); lastPosition is null until a first GPS fix arrives. */
public record GridWorker(String id, BilingualName name, String phone, UnitGridCode smallGrid,
                         DutyStatus dutyStatus, GeoPoint lastPosition) {
    public boolean onDuty() {
        return dutyStatus == DutyStatus.ON_DUTY;
    }
}
