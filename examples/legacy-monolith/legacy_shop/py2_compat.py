"""Helpers kept from the Python 2 days; nobody has run this file since 2019."""


def say(text):
    print "legacy:", text
