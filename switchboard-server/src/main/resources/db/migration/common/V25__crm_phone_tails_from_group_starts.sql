-- ADR 0032: a number is found by digits typed from the start of any group of its formatted form (country code and
-- each national group), no longer from any digit. The stored tails are emptied here and refilled with the new ones in
-- the background at start-up (PhoneReindexer.backfillPhoneParts refills an empty crm_phone_tail, as after V20).
-- Until it is done, the dialer's "part of a number" search finds fewer records; lookups by whole number are unaffected.
TRUNCATE TABLE crm_phone_tail;
