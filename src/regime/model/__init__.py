"""Domain types shared by the engines."""
