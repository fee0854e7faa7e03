package org.gridcommand.plans;

import org.gridcommand.common.BilingualName;

/** A leader in the plans' call trees (带班领导, 镇长 …), by post rather than by person: people change, posts stay. */
public record Leader(String code, BilingualName name, String phone) {
}
