package org.gridcommand.directory;

import org.gridcommand.common.BilingualName;

/** A department the centre dispatches to or notifies (fire 119, police 110, medical 120...). Loaded from assets. */
public record Department(String code, BilingualName name, String hotline) {
}
