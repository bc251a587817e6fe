-- Writes sent with an Idempotency-Key header (ADR 0022): the first request's answer, replayed to a second request
-- with the same key from the same user for a short time; an unfinished row (status NULL) makes the second one wait.
CREATE TABLE idempotent_request (
    principal    VARCHAR(255)  NOT NULL,
    request_key  VARCHAR(255)  NOT NULL,
    fingerprint  VARCHAR(64)   NOT NULL,
    status       INTEGER,
    content_type VARCHAR(255),
    location     VARCHAR(2000),
    body         BYTEA,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (principal, request_key)
);
CREATE INDEX idempotent_request_by_age ON idempotent_request (created_at);

-- An inbound call its user declined (Decline while it rang), so history can say "declined" rather than "missed".
ALTER TABLE calling_call ADD COLUMN declined BOOLEAN NOT NULL DEFAULT FALSE;

-- The home page's "My recent records": the records a user changed last.
CREATE INDEX crm_record_by_modifier ON crm_record (last_modified_by, last_modified_date);
