"""Impact traversal and ranking."""
