package org.gridcommand.grid;

import org.gridcommand.common.BilingualName;

/** The grid head (网格长) responsible for one big grid. */
public record GridHead(String id, BilingualName name, String phone, String bigGridCode) {
}
