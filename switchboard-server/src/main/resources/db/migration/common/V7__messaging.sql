-- Webex spaces tied to CRM records (M1). A record may have several spaces; a space (room) may be tied to
-- several records. The Webex room holds the messages: only the link lives here.
CREATE TABLE messaging_space (
    id            VARCHAR(32)   PRIMARY KEY,
    object_name   VARCHAR(80)   NOT NULL,
    record_id     VARCHAR(18)   NOT NULL,
    room_id       VARCHAR(600)  NOT NULL,
    title         VARCHAR(255)  NOT NULL,
    created_by    VARCHAR(18)   NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT messaging_space_once_per_record UNIQUE (object_name, record_id, room_id)
);
CREATE INDEX messaging_space_by_record ON messaging_space (object_name, record_id, created_at);
CREATE INDEX messaging_space_by_room ON messaging_space (room_id);
