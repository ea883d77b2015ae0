"""The archive: everything the learner has as one file, and back (transfer: export and import;
read: the zip and its JSON checked before a byte is written; format: the layout, types and
errors; meaning: what the rows mean checked against the app's rules)."""
