"""Control lists as code: the model, dated values, the criteria language, loaders, diff and search."""
