-- Which records each user opened last (issue 15: the "Recently viewed" list views); one row per user and record.
CREATE TABLE workspace_recent_view (
    user_id     VARCHAR(18) NOT NULL,
    record_id   VARCHAR(18) NOT NULL,
    object_name VARCHAR(80) NOT NULL,
    viewed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (user_id, record_id)
);
CREATE INDEX workspace_recent_view_by_user ON workspace_recent_view (user_id, object_name, viewed_at);
