-- Salesforce Change Data Capture, second round (ADR 0028).
-- The subscriber's lease moves to platform_lease (ADR 0024), like every other one-replica job.
ALTER TABLE salesforce_change_stream DROP COLUMN lease_holder;
ALTER TABLE salesforce_change_stream DROP COLUMN lease_until;

-- A change event that cannot be decoded or processed is kept here with the reason, and the stream moves on past it;
-- an admin replays it from the console once the cause is fixed (replayed_at set on success).
CREATE TABLE salesforce_change_dead_letter (
    id            VARCHAR(36)   PRIMARY KEY,
    topic         VARCHAR(200)  NOT NULL,
    replay_id     VARCHAR(200)  NOT NULL,
    schema_id     VARCHAR(100)  NOT NULL,
    payload       TEXT          NOT NULL,
    entity_name   VARCHAR(80),
    record_ids    VARCHAR(2000),
    error         VARCHAR(1000) NOT NULL,
    attempts      INT           NOT NULL,
    failed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    replayed_at   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX salesforce_change_dead_letter_by_time ON salesforce_change_dead_letter (topic, failed_at);
