-- ADR 0023: the dialer's "any part of the number" index, narrow. One row per distinct tail (at least 4 digits) of a
-- record's numbers, keyed by the record id's key prefix + the tail, so the key alone scopes it to the object; which
-- phone fields match is read from crm_phone. No index by record: deletes recompute the tails from crm_phone.
-- COLLATE "C" keeps the primary-key btree usable for the prefix range whatever the database locale.
-- Existing stores are refilled in the background at start-up (PhoneReindexer).
DROP TABLE crm_phone_part;
CREATE TABLE crm_phone_tail (
    tail      VARCHAR(24) COLLATE "C" NOT NULL,
    record_id VARCHAR(18) NOT NULL,
    PRIMARY KEY (tail, record_id)
);
