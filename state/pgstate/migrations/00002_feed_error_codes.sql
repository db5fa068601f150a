-- A feed's and a feed item's last error are kept as their claimbot code
-- and their text for people (an encoded claimbot.Text) besides the
-- English message, so each reader gets them in their own language. Rows
-- from before have '' in both and show their English message.

-- +goose Up
ALTER TABLE feeds
    ADD COLUMN last_error_code text NOT NULL DEFAULT '',
    ADD COLUMN last_error_text text NOT NULL DEFAULT '';
ALTER TABLE feed_items
    ADD COLUMN last_error_code text NOT NULL DEFAULT '',
    ADD COLUMN last_error_text text NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE feed_items DROP COLUMN last_error_text, DROP COLUMN last_error_code;
ALTER TABLE feeds DROP COLUMN last_error_text, DROP COLUMN last_error_code;
