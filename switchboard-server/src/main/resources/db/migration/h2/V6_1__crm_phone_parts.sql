-- Every tail of each stored E.164 number (digits only, at least 4 long), so that "any part of the number"
-- is a prefix of one of them and the dialer's type-ahead is an index range read.
CREATE TABLE crm_phone_part (
    object_name VARCHAR(80) NOT NULL,
    part        VARCHAR(20) NOT NULL,
    record_id   VARCHAR(18) NOT NULL,
    field_name  VARCHAR(80) NOT NULL,
    PRIMARY KEY (object_name, part, record_id, field_name)
);
CREATE INDEX crm_phone_part_by_record ON crm_phone_part (record_id);
