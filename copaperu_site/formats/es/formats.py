"""Spanish dates as a Peruvian reader writes them: "7 dic. 2008" for a match, "1 de febrero de 2008" written out.

Django's own Spanish formats fill in everything not named here ("1 de febrero de 2008", "febrero de 1998").
"""

SHORT_DATE_FORMAT = "j b. Y"
