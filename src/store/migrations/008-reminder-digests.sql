-- A person gets one notification and one email per tick, however many of their items are due: the
-- reminders one claim writes for one user form a digest (src/store/reminders.ts). The reminder rows
-- stay one per item × user × kind × day (their unique key is what makes each reminder exactly
-- once); the digest is what is delivered. The email's lease, tries and state move to the digest,
-- so that a sender takes one person's email whole and a retried email carries the same rows; the
-- rows are marked with the digest's outcome.
CREATE TABLE reminder_digests (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  on_date text NOT NULL,
  -- The in-app notification written with the claim; null when the user wants email only.
  notification_id integer REFERENCES notifications (id) ON DELETE SET NULL,
  email_state text NOT NULL DEFAULT 'none' CHECK (email_state IN ('none', 'pending', 'sent', 'logged', 'failed')),
  email_error text,
  email_attempts integer NOT NULL DEFAULT 0,
  email_lease_until timestamptz,
  sent_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX reminder_digests_email_todo ON reminder_digests (id) WHERE email_state IN ('pending', 'failed');

ALTER TABLE reminders ADD COLUMN digest_id integer REFERENCES reminder_digests (id) ON DELETE SET NULL;
CREATE INDEX reminders_digest ON reminders (digest_id);

-- The items of a digest as they stood when it was written (action, symbol, deadline, days left):
-- the notifications page lists them, each linking to its work item.
ALTER TABLE notifications ADD COLUMN items jsonb NOT NULL DEFAULT '[]';

-- Emails still to send from before digests: one digest per person, day and state, so they still go.
INSERT INTO reminder_digests (user_id, on_date, email_state, email_attempts)
SELECT user_id, on_date, email_state, max(email_attempts)
FROM reminders WHERE email_state IN ('pending', 'failed')
GROUP BY user_id, on_date, email_state;
UPDATE reminders r SET digest_id = d.id
FROM reminder_digests d
WHERE r.email_state IN ('pending', 'failed') AND d.user_id = r.user_id AND d.on_date = r.on_date
  AND d.email_state = r.email_state;

-- Taken through their digest now.
DROP INDEX reminders_pending;
DROP INDEX reminders_email_todo;
ALTER TABLE reminders DROP COLUMN email_lease_until;
