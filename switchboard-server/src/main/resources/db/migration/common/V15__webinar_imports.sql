-- Webinar imports (W2-W6, issue 14). One import mapping per target object; each import is a background job whose
-- progress, per-person outcomes (the CSV report) and written records are committed together chunk by chunk, so a
-- restarted server resumes at the last committed chunk and never writes a person twice.
CREATE TABLE webinar_import_mapping (
    object_name   VARCHAR(80)   PRIMARY KEY,
    mapping       VARCHAR(8000) NOT NULL,
    updated_by    VARCHAR(18),
    updated_date  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE webinar_import (
    id             VARCHAR(36)   PRIMARY KEY,
    webinar_id     VARCHAR(100)  NOT NULL,
    webinar_title  VARCHAR(255),
    object_name    VARCHAR(80)   NOT NULL,
    people         VARCHAR(40)   NOT NULL,
    campaign_id    VARCHAR(18),
    user_id        VARCHAR(18)   NOT NULL,
    mapping        VARCHAR(8000) NOT NULL,
    state          VARCHAR(10)   NOT NULL,
    total          INTEGER       NOT NULL DEFAULT 0,
    processed      INTEGER       NOT NULL DEFAULT 0,
    created        INTEGER       NOT NULL DEFAULT 0,
    updated        INTEGER       NOT NULL DEFAULT 0,
    skipped        INTEGER       NOT NULL DEFAULT 0,
    failed         INTEGER       NOT NULL DEFAULT 0,
    error          VARCHAR(1000),
    attempts       INTEGER       NOT NULL DEFAULT 0,
    claimed_until  TIMESTAMP WITH TIME ZONE,
    created_date   TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_date  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX webinar_import_open ON webinar_import (state, claimed_until);

-- The report: one row per person, in the import's (stable) order.
CREATE TABLE webinar_import_outcome (
    import_id   VARCHAR(36)   NOT NULL,
    position    INTEGER       NOT NULL,
    person_key  VARCHAR(320),
    outcome     VARCHAR(10)   NOT NULL,
    record_id   VARCHAR(18),
    reason      VARCHAR(1000),
    PRIMARY KEY (import_id, position)
);

-- Which record each person of a webinar became, per target object ("insert new records for every webinar").
CREATE TABLE webinar_import_record (
    object_name  VARCHAR(80)   NOT NULL,
    webinar_id   VARCHAR(100)  NOT NULL,
    person_key   VARCHAR(320)  NOT NULL,
    record_id    VARCHAR(18)   NOT NULL,
    PRIMARY KEY (object_name, webinar_id, person_key)
);

-- The "Webex Webinar Campaign Members" record of each (webinar, person record).
CREATE TABLE webinar_member (
    webinar_id  VARCHAR(100)  NOT NULL,
    record_id   VARCHAR(18)   NOT NULL,
    member_id   VARCHAR(18)   NOT NULL,
    member_hash VARCHAR(16)   NOT NULL,
    PRIMARY KEY (webinar_id, record_id)
);
