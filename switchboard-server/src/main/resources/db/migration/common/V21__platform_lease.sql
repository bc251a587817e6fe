-- Work only one replica should do at a time (e.g. webhook reconciliation): a named lease held by one replica until
-- it is released or expires, so a replica that dies holding it stops blocking the others once the lease runs out.
CREATE TABLE platform_lease (
    name        VARCHAR(120)  PRIMARY KEY,
    holder      VARCHAR(120)  NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
