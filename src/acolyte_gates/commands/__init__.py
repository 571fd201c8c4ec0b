"""What each CLI command does, as plain functions of one frozen request, returning an exit code."""
