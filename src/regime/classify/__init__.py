"""Classification: which entries and paragraphs of a control list describe an item, and why."""
