"""English dates as the site has always printed them, day first: "7 Dec 2008", "1 February 2008".

Django's own English formats fill in everything not named here (input formats, times).
"""

DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "j M Y"
