"""The page groups, one module each: lists, classify and determine, screen, the regime, design and progress."""
