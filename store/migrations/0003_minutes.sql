-- Minutes: the attendee a speaker is. Minutes write speakers by title or
-- office ("the Director of Public Health", "Mr Gough"); where the meeting's
-- attendance list names the person ("Dr A Ghosh", "Mr R W Gough"), person
-- holds the name, and speaker keeps the minutes' own words.
ALTER TABLE findings ADD COLUMN person TEXT;
