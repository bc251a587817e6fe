-- An event (a webhook's messages event, say) may serialize to more than 4,000 characters; PostgreSQL's column is TEXT.
ALTER TABLE EVENT_PUBLICATION ALTER COLUMN SERIALIZED_EVENT SET DATA TYPE CHARACTER VARYING(1000000);
