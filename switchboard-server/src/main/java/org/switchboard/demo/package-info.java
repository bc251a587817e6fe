/** Demo users and records for the embedded default, and a generator of many records for benchmarks. */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package org.switchboard.demo;
