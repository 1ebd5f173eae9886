"""Rules about actions over time, for the write side and the read side alike.

keys (what is the same meeting, person or action; how alike two texts are),
due (due phrases resolved to dates), owners (who an owner is, and how people
name one), versions (actions across corrected versions of one meeting),
links and series (the actions of a series' meetings, linked and folded in
date order).  These modules read
the database at most; they never write to it.
"""
