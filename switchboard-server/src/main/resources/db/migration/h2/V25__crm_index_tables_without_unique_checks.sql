-- ADR 0029: on H2 the primary keys of the two widest index tables were a unique index like any other (H2 keeps a
-- table's rows by row id), and every inserted row paid a uniqueness check against the uncommitted rows of its own
-- bulk transaction (~14 % of a bulk load's CPU). The writer never inserts the same row twice (a record's terms and
-- tails are sets; updates delete before inserting), so a plain index in the same column order answers every query
-- the same way. PostgreSQL keeps its primary keys (its check is part of the btree insert).
ALTER TABLE crm_phone_tail DROP PRIMARY KEY;
CREATE INDEX crm_phone_tail_by_tail ON crm_phone_tail (tail, record_id);
ALTER TABLE crm_search_term DROP PRIMARY KEY;
CREATE INDEX crm_search_term_by_term ON crm_search_term (object_name, term, record_id);
