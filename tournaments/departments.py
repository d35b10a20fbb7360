"""Peru's 25 departments, Callao included: the only built-in list the archive has.

Spelled as the seed articles spell them. The data migration creates them; the importer uses the same list
(accent-insensitively, since articles write "Apurimac" as often as "Apurímac").
"""

DEPARTMENT_NAMES = [
    "Amazonas",
    "Ancash",
    "Apurímac",
    "Arequipa",
    "Ayacucho",
    "Cajamarca",
    "Callao",
    "Cusco",
    "Huancavelica",
    "Huánuco",
    "Ica",
    "Junín",
    "La Libertad",
    "Lambayeque",
    "Lima",
    "Loreto",
    "Madre de Dios",
    "Moquegua",
    "Pasco",
    "Piura",
    "Puno",
    "San Martín",
    "Tacna",
    "Tumbes",
    "Ucayali",
]
