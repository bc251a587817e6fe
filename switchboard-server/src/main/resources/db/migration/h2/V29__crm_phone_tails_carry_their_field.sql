-- ADR 0039: each tail row names the phone field whose number it ends, so the dialer's digit search is one index range
-- read on this table that stops at its limit, with no lookup of crm_phone per tail. A tail shared by two fields of a
-- record (the same number twice) is a row per field. The rows are made from the old ones and crm_phone by the rule the
-- old search applied (the tail without its 3-character key prefix ends the field's number), so a store searches the
-- same after this migration as before it.
CREATE TABLE crm_phone_tail_by_field (
    tail       VARCHAR(24) NOT NULL,
    record_id  VARCHAR(18) NOT NULL,
    field_name VARCHAR(80) NOT NULL,
    PRIMARY KEY (tail, record_id, field_name)
);
INSERT INTO crm_phone_tail_by_field (tail, record_id, field_name)
SELECT t.tail, t.record_id, p.field_name FROM crm_phone_tail t JOIN crm_phone p ON p.record_id = t.record_id
WHERE RIGHT(p.e164, CHAR_LENGTH(t.tail) - 3) = SUBSTRING(t.tail, 4);
DROP TABLE crm_phone_tail;
ALTER TABLE crm_phone_tail_by_field RENAME TO crm_phone_tail;
