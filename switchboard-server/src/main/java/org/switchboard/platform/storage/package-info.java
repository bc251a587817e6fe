/** Upkeep of the embedded database file: H2's compaction, which H2 itself stops running when it writes at commit. */
package org.switchboard.platform.storage;
