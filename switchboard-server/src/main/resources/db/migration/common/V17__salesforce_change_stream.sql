-- Salesforce Change Data Capture (issue 13, ADR 0020). One row per subscribed topic: the replay id stored after
-- each processed batch (in the same transaction as the batch's effects) and the lease that lets exactly one replica
-- hold the subscription.
CREATE TABLE salesforce_change_stream (
    topic            VARCHAR(200)  PRIMARY KEY,
    replay_id        VARCHAR(200),
    events_received  BIGINT        NOT NULL,
    last_event_at    TIMESTAMP WITH TIME ZONE,
    lease_holder     VARCHAR(100),
    lease_until      TIMESTAMP WITH TIME ZONE,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Change events carry no old values: the last-known values of the fields notification rules track, per record,
-- as a JSON object, so that a change can say what a field was before.
CREATE TABLE salesforce_known_values (
    record_id        VARCHAR(18)   PRIMARY KEY,
    object_name      VARCHAR(80)   NOT NULL,
    field_values     TEXT          NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX salesforce_known_values_by_object ON salesforce_known_values (object_name, record_id);
