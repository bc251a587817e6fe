#!/usr/bin/env python3
"""Attributes a webhook-ingest server's CPU from a JFR recording (ADR 0037).

usage: ingest-profile.py <recording.jfr> [server CPU ms per delivery]

Prints (1) CPU by thread group from jdk.ThreadCPULoad, (2) Java execution samples by the step of the call path they
fall in: each sample goes to the step of the innermost frame that names one (so the settings read inside call matching
counts as settings), and (3) with the server's CPU per delivery (the benchmark prints it), ms of CPU per delivery.
"""
import collections
import re
import subprocess
import sys

# Innermost match wins; order only matters between patterns that can match the same frame.
STEPS = [
    ("settings read (JSON)", r"SettingsStore\.read"),
    ("call matching (findByPhone)", r"CallMatcher\.match"),
    ("call row lock (SELECT … FOR UPDATE)", r"CallStore\.lock"),
    ("call lookup by Webex id", r"CallStore\.idOfWebexCall"),
    ("call insert", r"CallStore\.insertIfAbsent"),
    ("call update", r"CallStore\.update"),
    ("linked account lookup", r"WebexAccounts\.forPerson"),
    ("live event", r"LiveEvents\.|LiveCalls\.|LiveBroadcast"),
    ("delivery insert", r"DeliveryStore\.store"),
    ("commit (H2: writing the chunk)", r"(?<!GroupCommit)\.(commit|doCommit|processCommit)$"),
    ("transaction begin / connection", r"TransactionManager\.(doBegin|getTransaction|startTransaction)|HikariPool|HikariProxyConnection"),
    ("event publication (Spring)", r"ApplicationEventMulticaster|publishEvent|EventPublicationRegistry"),
    ("event translation", r"EventTranslator\."),
    ("signature check (HMAC)", r"Signatures\.verify"),
    ("JSON parse", r"WebhookReceiver\.parse"),
    ("metrics", r"io\.micrometer\."),
    ("logging", r"ch\.qos\.logback|org\.slf4j\.|org\.apache\.logging"),
    ("H2 housekeeping", r"H2Housekeeping"),
    ("receiver and queueing (rest)", r"WebhookReceiver\.|DeliveryProcessing\.|GroupCommit"),
    ("Spring MVC (rest)", r"org\.springframework\.web\.|DispatcherServlet"),
    ("Spring Security filter chain", r"org\.springframework\.security\."),
    ("other servlet filters", r"org\.switchboard\.platform\.web\.|org\.springframework\.web\.filter"),
    ("Tomcat / HTTP / sockets", r"org\.apache\.(tomcat|coyote|catalina)|sun\.nio\.ch"),
]
COMPILED = [(name, re.compile(pattern)) for name, pattern in STEPS]


def frames_of_samples(path):
    out = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "256", path],
                         capture_output=True, text=True, check=True).stdout
    for block in out.split("jdk.ExecutionSample")[1:]:
        thread = re.search(r'sampledThread = "([^"]*)"', block)
        stack = re.findall(r"^\s+([\w$.<>/]+)\(", block, re.M)
        yield (thread.group(1) if thread else "?"), stack


def step_of(stack):
    for frame in stack:  # innermost first
        for name, pattern in COMPILED:
            if pattern.search(frame):
                return name
    return "other (JDK, JIT-compiled glue, unknown)"


def thread_group(name):
    for group, pattern in [("request threads", r"http-nio|exec-"), ("group commit writers", r"webhook-commit"),
                           ("JIT compilers", r"Compiler"), ("GC", r"GC|G1|Conc"), ("H2", r"H2|MVStore")]:
        if re.search(pattern, name):
            return group
    return "other: " + re.sub(r"[-\d]+$", "", name)


def thread_cpu(path):
    out = subprocess.run(["jfr", "print", "--events", "jdk.ThreadCPULoad", path], capture_output=True, text=True,
                         check=True).stdout
    loads = collections.Counter()
    for block in out.split("jdk.ThreadCPULoad")[1:]:
        user = re.search(r"user = ([\d.]+)%", block)
        system = re.search(r"system = ([\d.]+)%", block)
        thread = re.search(r'eventThread = "([^"]*)"', block)
        if user and system and thread:
            loads[thread_group(thread.group(1))] += float(user.group(1)) + float(system.group(1))
    return loads


def main():
    path = sys.argv[1]
    per_delivery = float(sys.argv[2]) if len(sys.argv) > 2 else None
    loads = thread_cpu(path)
    total = sum(loads.values()) or 1
    print("CPU by thread group (jdk.ThreadCPULoad, share of the JVM's sampled thread CPU):")
    for group, load in loads.most_common():
        print(f"  {group:40s} {100 * load / total:5.1f} %")
    steps = collections.Counter()
    for thread, stack in frames_of_samples(path):
        steps[step_of(stack)] += 1
    samples = sum(steps.values()) or 1
    # Execution samples cover Java code only; the JIT compilers' and GC's CPU is left out of the steps.
    java_share = 1 - sum(v for k, v in loads.items() if k in ("JIT compilers", "GC")) / total
    print(f"\nJava execution samples by step ({samples} samples; Java code is {100 * java_share:.0f} % of the CPU):")
    for step, count in steps.most_common():
        share = count / samples
        line = f"  {step:40s} {100 * share:5.1f} %"
        if per_delivery:
            line += f"   ~{per_delivery * java_share * share:.3f} ms/delivery"
        print(line)
    if per_delivery:
        print(f"\nserver CPU {per_delivery:.3f} ms/delivery -> ceiling on 2 cores with nothing else running: "
              f"{2000 / per_delivery:,.0f} deliveries/s")


if __name__ == "__main__":
    main()
