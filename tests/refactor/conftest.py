"""The refactoring tests; samples/ holds projects they copy and split, with tests of their own."""

collect_ignore_glob = ["samples/*"]
