/**
 * Analysis of grid workers' GPS tracks (issue #5): stops with arrival and departure, gaps in the data, the
 * position at a time T ("who was where"), the replay clock the replay view drives, and patrol coverage per
 * small grid and shift. Pure domain code over lists of fixes: no store, no UI, no timers or threads.
 */
package org.gridcommand.feed.track;
