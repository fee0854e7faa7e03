/**
 * The field feed: grid workers' reports, GPS fixes, duty status changes and sensor alarms as they arrive
 * over MQTT ({@code docs/field-protocol.md}). Domain and service code only: the message types, parsing and
 * validation into accepted messages or quarantined ones with a reason, and the store contracts the
 * ingest commits through. No JavaFX, no JDBC, no MQTT client here (the transport lives in {@code feed.mqtt}).
 */
package org.gridcommand.feed;
