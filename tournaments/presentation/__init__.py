"""The sentences pages show, each one translatable string with placeholders, built from the data that selectors
and the rules return (winners, methods, ranks, marks as enums). Nothing outside this package and the templates
writes a sentence a visitor reads.
"""
