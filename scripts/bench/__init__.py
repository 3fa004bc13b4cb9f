"""`make bench`: how the build scales with a commune's years of content (a script, never a test)."""
