"""The git pre-commit hook: install and uninstall the shim, and check the staged snapshot."""
