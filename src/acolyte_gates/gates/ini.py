"""Tools' ini-style config files (setup.cfg, tox.ini, .flake8, mypy.ini, .coveragerc), read leniently."""

from __future__ import annotations

import configparser


def read_ini(path: str) -> configparser.RawConfigParser:
    """An ini file's sections and keys, as-is; an unreadable or malformed file reads as empty.

    The tool itself reports a broken config file when it runs; here it only means "not
    configured", so that the gate still runs and the tool can say what is wrong.
    """
    parser = configparser.RawConfigParser()
    try:
        parser.read(path, encoding="utf-8")
    except (configparser.Error, UnicodeDecodeError):
        return configparser.RawConfigParser()
    return parser
