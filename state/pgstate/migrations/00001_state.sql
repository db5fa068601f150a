-- claimbot's state: what state.Store keeps (guild settings, verdicts,
-- alert claims and outbox, audit log, feeds and their items, the replay
-- window) and the article archive with its change log (state.Archive).

-- +goose Up
CREATE TABLE guild_settings (
    guild_id          text PRIMARY KEY,
    alert_channel_id  text NOT NULL DEFAULT '',
    moderator_role_id text NOT NULL DEFAULT ''
);

CREATE TABLE verdicts (
    guild_id  text NOT NULL,
    alert_key text NOT NULL,
    value     text NOT NULL,
    by_user   text NOT NULL,
    at        timestamptz NOT NULL,
    PRIMARY KEY (guild_id, alert_key)
);

-- One row per alert and guild, ever: the claim that it is posted (or
-- being posted) there.
CREATE TABLE alert_claims (
    guild_id  text NOT NULL,
    alert_key text NOT NULL,
    claimed   timestamptz NOT NULL,
    PRIMARY KEY (guild_id, alert_key)
);

CREATE TABLE alert_outbox (
    guild_id     text NOT NULL,
    alert_key    text NOT NULL,
    channel_id   text NOT NULL DEFAULT '',
    payload      bytea,
    attempts     integer NOT NULL DEFAULT 0,
    last_error   text NOT NULL DEFAULT '',
    enqueued     timestamptz NOT NULL,
    next_attempt timestamptz,
    PRIMARY KEY (guild_id, alert_key)
);
CREATE INDEX alert_outbox_due ON alert_outbox (enqueued);

CREATE TABLE audit (
    id       bigserial PRIMARY KEY,
    guild_id text NOT NULL,
    user_id  text NOT NULL,
    action   text NOT NULL,
    target   text NOT NULL DEFAULT '',
    detail   text NOT NULL DEFAULT '',
    at       timestamptz NOT NULL
);
CREATE INDEX audit_by_guild ON audit (guild_id, id DESC);

-- guild_id '' is the operators' (the shared base's) feeds.
CREATE TABLE feeds (
    guild_id      text NOT NULL,
    url           text NOT NULL,
    added_in      text NOT NULL DEFAULT '',
    added_by      text NOT NULL DEFAULT '',
    added         timestamptz NOT NULL,
    etag          text NOT NULL DEFAULT '',
    last_modified text NOT NULL DEFAULT '',
    last_poll     timestamptz,
    last_error    text NOT NULL DEFAULT '',
    PRIMARY KEY (guild_id, url)
);

CREATE TABLE feed_items (
    guild_id     text NOT NULL,
    link         text NOT NULL,
    feed         text NOT NULL,
    title        text NOT NULL DEFAULT '',
    status       text NOT NULL,
    article_id   text NOT NULL DEFAULT '',
    attempts     integer NOT NULL DEFAULT 0,
    last_error   text NOT NULL DEFAULT '',
    next_attempt timestamptz,
    updated      timestamptz,
    at           timestamptz NOT NULL,
    PRIMARY KEY (guild_id, link)
);
CREATE INDEX feed_items_by_feed ON feed_items (guild_id, feed, at);

-- The replay window: signed interaction IDs until their timestamp can no
-- longer pass the freshness check.
CREATE TABLE interactions (
    id    text PRIMARY KEY,
    until timestamptz NOT NULL
);
CREATE INDEX interactions_until ON interactions (until);

-- The archive. archive_seq is one row: its counter is taken with the row
-- locked (UPDATE), so writers of the archive run one at a time and
-- changes commit in sequence order.
CREATE TABLE archive_seq (
    one        boolean PRIMARY KEY DEFAULT true CHECK (one),
    archive_id text NOT NULL,
    seq        bigint NOT NULL
);
INSERT INTO archive_seq (archive_id, seq) VALUES (gen_random_uuid()::text, 0);

CREATE TABLE articles (
    id         text PRIMARY KEY,
    collection text NOT NULL,
    file       text NOT NULL,
    data       bytea NOT NULL,
    seq        bigint NOT NULL,
    added      timestamptz NOT NULL
);

CREATE TABLE trash (
    collection text NOT NULL,
    id         text NOT NULL,
    file       text NOT NULL,
    data       bytea NOT NULL,
    removed    timestamptz NOT NULL,
    PRIMARY KEY (collection, id)
);

CREATE TABLE exclusions (
    collection text NOT NULL,
    article_id text NOT NULL,
    PRIMARY KEY (collection, article_id)
);

CREATE TABLE changes (
    seq        bigint PRIMARY KEY,
    kind       text NOT NULL,
    collection text NOT NULL,
    article_id text NOT NULL,
    at         timestamptz NOT NULL
);

-- Progress of jobs that work through the change log (the contradiction
-- checks of new articles), by name.
CREATE TABLE cursors (
    name text PRIMARY KEY,
    seq  bigint NOT NULL
);

-- +goose Down
DROP TABLE cursors, changes, exclusions, trash, articles, archive_seq, interactions,
    feed_items, feeds, audit, alert_outbox, alert_claims, verdicts, guild_settings;
