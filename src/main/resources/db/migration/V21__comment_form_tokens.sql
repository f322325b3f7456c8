-- The form token a reader's comment was sent with. A token is good for one comment: the unique
-- index refuses a second, different comment with it on every node (the same comment sent twice
-- is the first one). Imported and newsroom comments have none (NULLs never collide).
ALTER TABLE comment ADD COLUMN form_token VARCHAR(100);
CREATE UNIQUE INDEX comment_form_token ON comment (form_token);
