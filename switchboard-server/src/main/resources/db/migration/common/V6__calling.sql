-- Every Webex call of a linked user, as the telephony_calls webhooks (and the dial API) report it.
-- One row per Webex call id, so redelivered and out-of-order events fold into one call; an ended call
-- waits here as a draft log until its user saves or dismisses the log.
CREATE TABLE calling_call (
    id               VARCHAR(32)   PRIMARY KEY,
    webex_call_id    VARCHAR(600)  NOT NULL UNIQUE,
    user_id          VARCHAR(18)   NOT NULL,
    direction        VARCHAR(8)    NOT NULL,
    state            VARCHAR(16)   NOT NULL,
    remote_number    VARCHAR(64),
    remote_name      VARCHAR(255),
    privacy_enabled  BOOLEAN       NOT NULL DEFAULT FALSE,
    matches          VARCHAR(4000) NOT NULL DEFAULT '[]',
    who_id           VARCHAR(18),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    answered_at      TIMESTAMP WITH TIME ZONE,
    disconnected_at  TIMESTAMP WITH TIME ZONE,
    last_event_at    TIMESTAMP WITH TIME ZONE,
    log_status       VARCHAR(12)   NOT NULL DEFAULT 'pending',
    task_id          VARCHAR(18)
);
CREATE INDEX calling_call_by_user ON calling_call (user_id, log_status, created_at);
