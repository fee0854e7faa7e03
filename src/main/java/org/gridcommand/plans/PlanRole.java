package org.gridcommand.plans;

import org.gridcommand.common.BilingualName;

/** Who does a step (值班员, 值班长, 网格长 …), from the plan library's role list. */
public record PlanRole(String code, BilingualName name) {
}
