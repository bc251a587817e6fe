-- Webex meetings tied to CRM records (T1). Webex holds the meeting; the tie to the record, its host and the
-- meeting log's state live here.
CREATE TABLE meeting (
    id               VARCHAR(32)   PRIMARY KEY,
    webex_meeting_id VARCHAR(100)  NOT NULL,
    object_name      VARCHAR(80)   NOT NULL,
    record_id        VARCHAR(18)   NOT NULL,
    who_id           VARCHAR(18),
    host_user_id     VARCHAR(18)   NOT NULL,
    host_email       VARCHAR(320)  NOT NULL,
    on_behalf        BOOLEAN       NOT NULL,
    title            VARCHAR(128)  NOT NULL,
    start_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    end_time         TIMESTAMP WITH TIME ZONE NOT NULL,
    timezone         VARCHAR(64)   NOT NULL,
    web_link         VARCHAR(1000),
    state            VARCHAR(20)   NOT NULL,
    event_id         VARCHAR(18),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT meeting_webex_once UNIQUE (webex_meeting_id)
);
CREATE INDEX meeting_by_record ON meeting (object_name, record_id, start_time);
CREATE INDEX meeting_by_host ON meeting (host_user_id, start_time);
CREATE INDEX meeting_awaiting_log ON meeting (state, end_time);

-- Ended meeting instances reported by Webex (the `ended` webhook or the reconciling poll), one row each however
-- often they are reported; a worker turns each into the meeting's Event.
CREATE TABLE meeting_ended (
    instance_id      VARCHAR(120)  PRIMARY KEY,
    owner_person_id  VARCHAR(600),
    status           VARCHAR(20)   NOT NULL,
    attempts         INTEGER       NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error       VARCHAR(1000),
    received_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX meeting_ended_due ON meeting_ended (status, next_attempt_at);

-- The Webex Admin whose Webex sign-in schedules for users who have not signed in ("enable meetings for all users").
CREATE TABLE meeting_delegate (
    id         INTEGER      PRIMARY KEY,
    user_id    VARCHAR(18)  NOT NULL,
    set_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
